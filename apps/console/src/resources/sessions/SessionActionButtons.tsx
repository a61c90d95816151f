import type { TrainingSessionView } from '@cascade/contracts';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import CancelIcon from '@mui/icons-material/Cancel';
import GridOnIcon from '@mui/icons-material/GridOn';
import QrCode2Icon from '@mui/icons-material/QrCode2';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { TextPromptDialog } from '../TextPromptDialog';
import { useApiFile } from '../useApiFile';

/** "开始签到": the full-screen QR code the trainer shows in the room. */
export const OpenCheckInButton = () => {
  const session = useRecordContext<TrainingSessionView>();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'sessions', action: 'check-in', record: session });
  if (!session || !canAccess || session.status === 'cancelled') return null;
  return (
    // A button, not a link: the screen is an action the trainer starts in front of the room.
    <Button
      label="cascade.sessions.open_check_in"
      onClick={() => navigate(`/sessions/${session.id}/check-in`)}
      variant="contained"
    >
      <QrCode2Icon />
    </Button>
  );
};

export const CancelSessionButton = () => {
  const session = useRecordContext<TrainingSessionView>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'sessions', action: 'cancel', record: session });
  const [open, setOpen] = useState(false);
  if (!session || !canAccess || session.status === 'cancelled') return null;
  const cancel = async (reason: string) => {
    await dataProvider.cancelSession(session.id, reason);
    setOpen(false);
    notify('cascade.sessions.cancelled', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button label="cascade.sessions.cancel" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      <TextPromptDialog
        open={open}
        title={translate('cascade.sessions.cancel_title', { title: session.title })}
        content={translate('cascade.sessions.cancel_help')}
        label={translate('cascade.sessions.cancel_reason')}
        required
        confirmLabel={translate('cascade.sessions.cancel')}
        confirmColor="error"
        onClose={() => setOpen(false)}
        onConfirm={cancel}
      />
    </>
  );
};

/** The session as an .ics file for any calendar application. */
export const CalendarFileButton = () => {
  const session = useRecordContext<TrainingSessionView>();
  const { save } = useApiFile();
  if (!session) return null;
  return (
    <Button
      label="cascade.sessions.ics"
      onClick={() => save(`/sessions/${session.id}/calendar.ics`, `${session.title}.ics`)}
    >
      <CalendarMonthIcon />
    </Button>
  );
};

export const AttendanceFileButton = () => {
  const session = useRecordContext<TrainingSessionView>();
  const { save } = useApiFile();
  const { canAccess } = useCanAccess({ resource: 'sessions', action: 'attendance', record: session });
  if (!session || !canAccess) return null;
  return (
    <Button
      label="cascade.sessions.xlsx"
      onClick={() => save(`/sessions/${session.id}/attendance.xlsx`, `${session.title}.xlsx`)}
    >
      <GridOnIcon />
    </Button>
  );
};

/** Opens the problem form with the session, its plan and module filled in. */
export const ReportProblemButton = () => {
  const session = useRecordContext<TrainingSessionView>();
  const { canAccess } = useCanAccess({ resource: 'training-issues', action: 'create' });
  if (!session || !canAccess) return null;
  return (
    <Button
      label="cascade.menu.report_problem"
      to={{
        pathname: '/training-issues/create',
        state: { record: { sessionId: session.id, planId: session.planId, moduleId: session.moduleId } },
      }}
    >
      <ReportProblemIcon />
    </Button>
  );
};
