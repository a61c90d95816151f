import type { TrainingSessionView } from '@cascade/contracts';
import LoginIcon from '@mui/icons-material/Login';
import { Alert, Box, Button, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import {
  CanAccess,
  EditButton,
  Labeled,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DetailGrid } from '../DetailGrid';
import { SessionFeedbackCard } from '../feedback/SessionFeedbackCard';
import { EnumChip } from '../EnumChip';
import { LabeledValue } from '../LabeledValue';
import { UserName } from '../UserName';
import { AttendanceSheet } from './AttendanceSheet';
import { InvitationResponse, useMyEnrollment } from './InvitationResponse';
import { LeadWarning } from './LeadWarning';
import {
  AttendanceFileButton,
  CalendarFileButton,
  CancelSessionButton,
  OpenCheckInButton,
  ReportProblemButton,
} from './SessionActionButtons';
import { formatSessionTime, isCheckInOpen, SessionPhaseChip } from './sessionDisplay';
import { ENROLLMENT_COLORS, SessionEnrollments } from './SessionEnrollments';

const EditUnlessCancelled = () => {
  const session = useRecordContext<TrainingSessionView>();
  if (!session || session.status === 'cancelled') return null;
  return <EditButton />;
};

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <OpenCheckInButton />
    <EditUnlessCancelled />
    <CancelSessionButton />
    <CalendarFileButton />
    <AttendanceFileButton />
    <ReportProblemButton />
  </TopToolbar>
);

const Trainers = ({ session }: { session: TrainingSessionView }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {session.trainers.map((trainer) => (
        <Chip
          key={trainer.userId}
          size="small"
          variant={trainer.role === 'lead' ? 'filled' : 'outlined'}
          color="primary"
          label={
            <>
              <UserName id={trainer.userId} /> · {translate(`cascade.trainer_role.${trainer.role}`)}
            </>
          }
        />
      ))}
    </Stack>
  );
};

const Overview = () => {
  const session = useRecordContext<TrainingSessionView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!session) return null;
  const field = (name: string) => translate(`resources.sessions.fields.${name}`);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Card>
      <CardContent sx={{ pb: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h5" component="h1">
            {session.title}
          </Typography>
          <SessionPhaseChip session={session} />
        </Stack>
        {session.status === 'cancelled' && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('cascade.sessions.cancelled_because', { reason: session.cancelReason ?? '' })}
          </Alert>
        )}
        <LeadWarning session={session} />
      </CardContent>
      <DetailGrid>
        <LabeledValue label={field('startsAt')}>
          {formatSessionTime(session, locale, session.timeZone)} ({session.timeZone})
          {browserZone !== session.timeZone && (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
              {translate('cascade.sessions.your_time', { time: formatSessionTime(session, locale) })}
            </Typography>
          )}
        </LabeledValue>
        <LabeledValue label={translate('cascade.sessions.check_in_window')}>
          {formatSessionTime(
            { startsAt: session.checkInOpensAt, endsAt: session.checkInClosesAt },
            locale,
            session.timeZone,
          )}
        </LabeledValue>
        <CanAccess resource="training-plans" action="show">
          <Labeled source="planId">
            <ReferenceField source="planId" reference="training-plans" />
          </Labeled>
        </CanAccess>
        <Labeled source="businessProcess">
          <TextField source="businessProcess" />
        </Labeled>
        <Labeled source="location">
          <TextField source="location" emptyText="—" />
        </Labeled>
        <LabeledValue label={field('onlineUrl')}>
          {session.onlineUrl ? (
            <Link href={session.onlineUrl} target="_blank" rel="noopener noreferrer" sx={{ overflowWrap: 'anywhere' }}>
              {session.onlineUrl}
            </Link>
          ) : (
            '—'
          )}
        </LabeledValue>
        <CanAccess resource="users" action="show">
          <LabeledValue label={field('trainers')}>
            <Trainers session={session} />
          </LabeledValue>
        </CanAccess>
        <Labeled source="capacity">
          <TextField source="capacity" />
        </Labeled>
      </DetailGrid>
    </Card>
  );
};

/** What a trainee sees of their own enrollment: the answer to the invitation and the way to check in. */
const MyEnrollment = () => {
  const session = useRecordContext<TrainingSessionView>();
  const translate = useTranslate();
  const enrollment = useMyEnrollment(session);
  if (!session || !enrollment) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {translate('cascade.sessions.my_enrollment')}
          </Typography>
          <EnumChip value={enrollment.status} prefix="cascade.enrollment_status" colors={ENROLLMENT_COLORS} />
        </Stack>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <InvitationResponse session={session} />
          {isCheckInOpen(session) && (
            <Button component={RouterLink} to={`/checkin/${session.id}`} variant="contained" startIcon={<LoginIcon />}>
              {translate('cascade.checkin.check_in')}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

const TrainerSections = () => {
  const session = useRecordContext<TrainingSessionView>();
  const { canAccess: canEnroll } = useCanAccess({ resource: 'sessions', action: 'enroll', record: session });
  const { canAccess: canSeeAttendance } = useCanAccess({ resource: 'sessions', action: 'attendance', record: session });
  const { canAccess: canList } = useCanAccess({ resource: 'sessions', action: 'list' });
  const { canAccess: canMark } = useCanAccess({ resource: 'sessions', action: 'mark', record: session });
  if (!session) return null;
  return (
    <Box>
      {(canEnroll || canList) && <SessionEnrollments session={session} canManage={canEnroll === true} />}
      {canSeeAttendance && <AttendanceSheet session={session} canMark={canMark === true} />}
      <SessionFeedbackCard session={session} />
    </Box>
  );
};

export const SessionShow = () => (
  <Show actions={<Actions />} component="div">
    <Overview />
    <MyEnrollment />
    <TrainerSections />
  </Show>
);
