import type { TrainingPlanView } from '@cascade/contracts';
import { Box } from '@mui/material';
import { useCanAccess, useRecordContext } from 'react-admin';
import { FeedbackFormChoice } from './FeedbackFormChoice';

/** On the plan page: the form every session of the plan asks with, unless a session names its own. */
export const PlanFeedbackFormChoice = () => {
  const plan = useRecordContext<TrainingPlanView>();
  const { canAccess } = useCanAccess({ resource: 'feedback-forms', action: 'list' });
  if (!plan || !canAccess) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <FeedbackFormChoice target="training-plans" targetId={String(plan.id)} />
    </Box>
  );
};
