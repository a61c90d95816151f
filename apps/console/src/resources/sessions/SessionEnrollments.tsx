import type { EnrollmentStatus, TrainingPlanView, TrainingSessionView } from '@cascade/contracts';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import {
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Form,
  ReferenceArrayInput,
  required,
  useDataProvider,
  useGetOne,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CascadeDataProvider } from '../../providers/dataProvider';
import { BY_NAME } from '../choices';
import { EnumChip } from '../EnumChip';
import { UserName } from '../UserName';
import { ClashAlert, clashOf, type Clash } from './ClashAlert';

export const ENROLLMENT_COLORS: Record<EnrollmentStatus, 'default' | 'success' | 'error'> = {
  invited: 'default',
  accepted: 'success',
  declined: 'error',
};

/** Enrolls users and reports clashes or a full room where the trainer can see them. */
function useEnroll(session: TrainingSessionView) {
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [clash, setClash] = useState<Clash | null>(null);
  const enroll = async (userIds: string[]) => {
    setClash(null);
    try {
      await dataProvider.enroll(session.id, userIds);
      notify('cascade.sessions.enrolled', { type: 'success', messageArgs: { smart_count: userIds.length } });
      refresh();
      return { done: true, clash: null };
    } catch (error) {
      const found = clashOf(error);
      setClash(found);
      if (!found) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return { done: false, clash: found };
    }
  };
  return { enroll, clash };
}

const AddTraineesDialog = ({
  session,
  open,
  onClose,
}: {
  session: TrainingSessionView;
  open: boolean;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const { enroll, clash } = useEnroll(session);
  const [busy, setBusy] = useState(false);
  const enrolled = new Set(session.enrollments.map((enrollment) => enrollment.userId));
  const submit = async (values: Record<string, unknown>) => {
    const userIds = ((values.userIds as string[] | undefined) ?? []).filter((id) => !enrolled.has(id));
    if (userIds.length === 0) return onClose();
    setBusy(true);
    const { done } = await enroll(userIds);
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm">
      <Form onSubmit={submit}>
        <DialogTitle>{translate('cascade.sessions.add_trainees')}</DialogTitle>
        <DialogContent>
          <ClashAlert clash={clash} />
          <ReferenceArrayInput
            source="userIds"
            reference="users"
            filter={{ organizationId: session.organizationId, role: 'trainee', active: true }}
            sort={BY_NAME}
            perPage={50}
          >
            <AutocompleteArrayInput label="cascade.sessions.trainees" validate={required()} sx={{ mt: 1 }} />
          </ReferenceArrayInput>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <GroupAddIcon />}
          >
            {translate('cascade.sessions.enroll')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** Enrolls the plan's target trainees for this module's business process who are not enrolled yet. */
const EnrollTargetsButton = ({
  session,
  onClash,
}: {
  session: TrainingSessionView;
  onClash: (clash: Clash | null) => void;
}) => {
  const translate = useTranslate();
  const { data: plan } = useGetOne<TrainingPlanView>('training-plans', { id: session.planId });
  const { enroll } = useEnroll(session);
  const [busy, setBusy] = useState(false);
  const enrolled = new Set(session.enrollments.map((enrollment) => enrollment.userId));
  const missing = (plan?.targets ?? [])
    .filter((target) => !target.businessProcess || target.businessProcess === session.businessProcess)
    .map((target) => target.userId)
    .filter((userId, index, all) => !enrolled.has(userId) && all.indexOf(userId) === index);
  if (missing.length === 0) return null;
  return (
    <Button
      size="small"
      startIcon={busy ? <CircularProgress size={16} /> : <PlaylistAddIcon />}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const { clash } = await enroll(missing);
        setBusy(false);
        onClash(clash);
      }}
    >
      {translate('cascade.sessions.enroll_targets', { smart_count: missing.length })}
    </Button>
  );
};

/** Who is enrolled and how they answered the invitation; trainers add and remove trainees here. */
export const SessionEnrollments = ({ session, canManage }: { session: TrainingSessionView; canManage: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [adding, setAdding] = useState(false);
  const [clash, setClash] = useState<Clash | null>(null);
  const editable = canManage && session.status === 'scheduled';

  const remove = async (userId: string) => {
    try {
      await dataProvider.unenroll(session.id, userId);
      notify('cascade.sessions.unenrolled', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };

  const active = session.enrollments.filter((enrollment) => enrollment.status !== 'declined').length;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: '1 1 auto' }}>
            {translate('cascade.sessions.enrollments')} ({active} / {session.capacity})
          </Typography>
          {editable && <EnrollTargetsButton session={session} onClash={setClash} />}
          {editable && (
            <Button size="small" variant="outlined" startIcon={<GroupAddIcon />} onClick={() => setAdding(true)}>
              {translate('cascade.sessions.add_trainees')}
            </Button>
          )}
        </Stack>
        <ClashAlert clash={clash} />
        {session.enrollments.length === 0 ? (
          <Typography color="text.secondary">{translate('cascade.sessions.no_enrollments')}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-label={translate('cascade.sessions.enrollments')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cascade.sessions.trainee')}</TableCell>
                  <TableCell>{translate('cascade.sessions.response')}</TableCell>
                  {editable && <TableCell align="right" />}
                </TableRow>
              </TableHead>
              <TableBody>
                {session.enrollments.map((enrollment) => (
                  <TableRow key={enrollment.userId}>
                    <TableCell>
                      <UserName id={enrollment.userId} />
                    </TableCell>
                    <TableCell>
                      <EnumChip
                        value={enrollment.status}
                        prefix="cascade.enrollment_status"
                        colors={ENROLLMENT_COLORS}
                      />
                    </TableCell>
                    {editable && (
                      <TableCell align="right">
                        <Tooltip title={translate('cascade.sessions.unenroll')}>
                          <IconButton
                            size="small"
                            aria-label={translate('cascade.sessions.unenroll')}
                            onClick={() => remove(enrollment.userId)}
                          >
                            <PersonRemoveIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        <Box>{adding && <AddTraineesDialog session={session} open={adding} onClose={() => setAdding(false)} />}</Box>
      </CardContent>
    </Card>
  );
};
