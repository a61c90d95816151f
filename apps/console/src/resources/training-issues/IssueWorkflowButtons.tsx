import type { IssueStatus, TrainingIssueView } from '@cascade/contracts';
import BlockIcon from '@mui/icons-material/Block';
import DoneIcon from '@mui/icons-material/Done';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ReplayIcon from '@mui/icons-material/Replay';
import { useState, type ReactElement } from 'react';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CascadeDataProvider, IssueAction } from '../../providers/dataProvider';
import { TextPromptDialog } from '../TextPromptDialog';

interface IssueStep {
  action: IssueAction;
  from: readonly IssueStatus[];
  icon: ReactElement;
  color?: 'primary' | 'success' | 'warning' | 'error';
  /** Closing steps record how the problem was handled. */
  needsResolution?: boolean;
}

const ACTIVE: readonly IssueStatus[] = ['open', 'in_progress'];

/** open → in_progress → resolved | rejected | deferred, and back to open by reopening. */
const STEPS: readonly IssueStep[] = [
  { action: 'start', from: ['open'], icon: <PlayArrowIcon /> },
  { action: 'resolve', from: ACTIVE, icon: <DoneIcon />, color: 'success', needsResolution: true },
  { action: 'reject', from: ACTIVE, icon: <BlockIcon />, color: 'error', needsResolution: true },
  { action: 'defer', from: ACTIVE, icon: <PauseCircleIcon />, color: 'warning', needsResolution: true },
  { action: 'reopen', from: ['resolved', 'rejected', 'deferred'], icon: <ReplayIcon /> },
];

const StepButton = ({ step, issue }: { step: IssueStep; issue: TrainingIssueView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [open, setOpen] = useState(false);
  if (!step.from.includes(issue.status)) return null;
  const run = async (resolution: string) => {
    await dataProvider.issueAction(issue.id, step.action, step.needsResolution ? resolution : undefined);
    setOpen(false);
    notify(`cascade.issues.done.${step.action}`, { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button label={`cascade.issues.actions.${step.action}`} onClick={() => setOpen(true)} color={step.color}>
        {step.icon}
      </Button>
      <TextPromptDialog
        open={open}
        title={translate(`cascade.issues.actions.${step.action}`)}
        content={translate(`cascade.issues.action_help.${step.action}`)}
        label={step.needsResolution ? translate('resources.training-issues.fields.resolution') : undefined}
        required={step.needsResolution}
        confirmLabel={translate(`cascade.issues.actions.${step.action}`)}
        confirmColor={step.color}
        onClose={() => setOpen(false)}
        onConfirm={run}
      />
    </>
  );
};

export const IssueWorkflowButtons = () => {
  const issue = useRecordContext<TrainingIssueView>();
  const { canAccess } = useCanAccess({ resource: 'training-issues', action: 'handle', record: issue });
  if (!issue || !canAccess) return null;
  return (
    <>
      {STEPS.map((step) => (
        <StepButton key={step.action} step={step} issue={issue} />
      ))}
    </>
  );
};
