import type { TrainingSessionView } from '@cascade/contracts';
import { Card, CardContent, Divider, Typography } from '@mui/material';
import { useCanAccess, useTranslate } from 'react-admin';
import { FeedbackFormChoice } from './FeedbackFormChoice';
import { SessionFeedbackSummary } from './SessionFeedbackSummary';

/** The session page's feedback section: which form asks, and what the attendees answered. */
export const SessionFeedbackCard = ({ session }: { session: TrainingSessionView }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'sessions', action: 'feedback' });
  if (!canAccess) return null;
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('cascade.feedback_summary.title')}>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1.5 }}>
          {translate('cascade.feedback_summary.title')}
        </Typography>
        <FeedbackFormChoice target="sessions" targetId={session.id} />
        <Divider sx={{ my: 2 }} />
        <SessionFeedbackSummary sessionId={session.id} />
      </CardContent>
    </Card>
  );
};
