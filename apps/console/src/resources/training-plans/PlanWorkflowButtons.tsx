import type { PlanStatus, TrainingPlanView } from '@cascade/contracts';
import CancelIcon from '@mui/icons-material/Cancel';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import SendIcon from '@mui/icons-material/Send';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import UndoIcon from '@mui/icons-material/Undo';
import type { ReactElement } from 'react';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CascadeDataProvider, PlanAction, PlanActionBody } from '../../providers/dataProvider';
import { TextPromptDialog } from '../TextPromptDialog';

interface WorkflowStep {
  action: PlanAction;
  from: readonly PlanStatus[];
  icon: ReactElement;
  color?: 'primary' | 'success' | 'warning' | 'error';
  /** The text the action asks for, and whether it must be given. */
  text?: { body: 'comment' | 'reason'; required: boolean };
}

/** The plan's state machine as the API enforces it; invalid transitions answer 409. */
const STEPS: readonly WorkflowStep[] = [
  { action: 'submit', from: ['draft'], icon: <SendIcon /> },
  {
    action: 'confirm',
    from: ['pending_confirmation'],
    icon: <TaskAltIcon />,
    color: 'success',
    text: { body: 'comment', required: false },
  },
  {
    action: 'return',
    from: ['pending_confirmation'],
    icon: <UndoIcon />,
    color: 'warning',
    text: { body: 'comment', required: true },
  },
  { action: 'start', from: ['confirmed'], icon: <PlayArrowIcon /> },
  { action: 'complete', from: ['in_progress'], icon: <DoneAllIcon />, color: 'success' },
  {
    action: 'cancel',
    from: ['draft', 'pending_confirmation', 'confirmed', 'in_progress'],
    icon: <CancelIcon />,
    color: 'error',
    text: { body: 'reason', required: true },
  },
];

const bodyOf = (step: WorkflowStep, text: string): PlanActionBody | undefined => {
  if (!step.text) return undefined;
  if (step.text.body === 'reason') return { reason: text };
  return text ? { comment: text } : {};
};

const StepButton = ({ step, plan }: { step: WorkflowStep; plan: TrainingPlanView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'training-plans', action: step.action, record: plan });
  const [open, setOpen] = useState(false);

  if (!canAccess || !step.from.includes(plan.status)) return null;

  const run = async (text: string) => {
    await dataProvider.planAction(plan.id, step.action, bodyOf(step, text));
    setOpen(false);
    notify(`cascade.plans.done.${step.action}`, { type: 'success' });
    refresh();
  };

  return (
    <>
      <Button label={`cascade.plans.actions.${step.action}`} onClick={() => setOpen(true)} color={step.color}>
        {step.icon}
      </Button>
      <TextPromptDialog
        open={open}
        title={translate(`cascade.plans.actions.${step.action}`)}
        content={translate(`cascade.plans.action_help.${step.action}`)}
        label={step.text ? translate(`cascade.plans.${step.text.body}`) : undefined}
        required={step.text?.required}
        confirmLabel={translate(`cascade.plans.actions.${step.action}`)}
        confirmColor={step.color}
        onClose={() => setOpen(false)}
        onConfirm={run}
      />
    </>
  );
};

/** The workflow actions this user may take on the plan in its current status. */
export const PlanWorkflowButtons = () => {
  const plan = useRecordContext<TrainingPlanView>();
  if (!plan) return null;
  return (
    <>
      {STEPS.map((step) => (
        <StepButton key={step.action} step={step} plan={plan} />
      ))}
    </>
  );
};
