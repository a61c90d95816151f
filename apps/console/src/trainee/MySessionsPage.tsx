import { MAX_PER_PAGE, type TrainingSessionView } from '@cascade/contracts';
import LinkIcon from '@mui/icons-material/Link';
import LoginIcon from '@mui/icons-material/Login';
import PlaceIcon from '@mui/icons-material/Place';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  LinearProgress,
  Link,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { RecordContextProvider, Title, useGetIdentity, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { EnumChip } from '../resources/EnumChip';
import { InvitationResponse, useMyEnrollment } from '../resources/sessions/InvitationResponse';
import { CalendarFileButton } from '../resources/sessions/SessionActionButtons';
import { formatSessionTime, isCheckInOpen, SessionPhaseChip } from '../resources/sessions/sessionDisplay';
import { ENROLLMENT_COLORS } from '../resources/sessions/SessionEnrollments';
import { CalendarFeedCard } from './CalendarFeedCard';

type Period = 'upcoming' | 'past';

const SessionCard = ({ session }: { session: TrainingSessionView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const enrollment = useMyEnrollment(session);
  return (
    <Card variant="outlined" component="article" aria-label={session.title}>
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
          <SessionPhaseChip session={session} />
          {enrollment && (
            <EnumChip
              value={enrollment.status}
              prefix="cascade.enrollment_status"
              colors={ENROLLMENT_COLORS}
              variant="outlined"
            />
          )}
        </Stack>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
          <Link component={RouterLink} to={`/sessions/${session.id}/show`} underline="hover" color="inherit">
            {session.title}
          </Link>
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {formatSessionTime(session, locale, session.timeZone)}
        </Typography>
        {session.location && (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mt: 0.5, color: 'text.secondary' }}>
            <PlaceIcon fontSize="small" />
            <Typography variant="body2">{session.location}</Typography>
          </Stack>
        )}
        {session.onlineUrl && (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mt: 0.5 }}>
            <LinkIcon fontSize="small" color="action" />
            <Link
              href={session.onlineUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="body2"
              sx={{ overflowWrap: 'anywhere' }}
            >
              {translate('cascade.sessions.join_online')}
            </Link>
          </Stack>
        )}
        {session.status === 'cancelled' && session.cancelReason && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('cascade.sessions.cancelled_because', { reason: session.cancelReason })}
          </Alert>
        )}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1, px: 2, pb: 2 }}>
        {isCheckInOpen(session) && (
          <Button component={RouterLink} to={`/checkin/${session.id}`} variant="contained" startIcon={<LoginIcon />}>
            {translate('cascade.checkin.check_in')}
          </Button>
        )}
        <InvitationResponse session={session} />
        <RecordContextProvider value={session}>
          <CalendarFileButton />
        </RecordContextProvider>
        <Button
          size="small"
          component={RouterLink}
          to="/training-issues/create"
          state={{ record: { sessionId: session.id, planId: session.planId, moduleId: session.moduleId } }}
          startIcon={<ReportProblemIcon />}
        >
          {translate('cascade.menu.report_problem')}
        </Button>
      </CardActions>
    </Card>
  );
};

/** "我的培训": the trainee's own sessions, upcoming first, laid out for a phone. */
export const MySessionsPage = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [period, setPeriod] = useState<Period>('upcoming');
  // Today's sessions stay under "upcoming" for a few hours after they start, so check-in is one tap away.
  const now = useMemo(() => new Date(Date.now() - 6 * 3_600_000).toISOString(), []);
  const { data, isPending, error } = useGetList<TrainingSessionView>(
    'sessions',
    {
      pagination: { page: 1, perPage: MAX_PER_PAGE },
      sort: { field: 'startsAt', order: period === 'upcoming' ? 'ASC' : 'DESC' },
      filter: { traineeId: identity?.id, ...(period === 'upcoming' ? { from: now } : { to: now }) },
    },
    { enabled: Boolean(identity?.id) },
  );

  return (
    <Box sx={{ maxWidth: 720, mt: { xs: 1, sm: 2 } }}>
      <Title title={translate('cascade.menu.my_sessions')} />
      <Tabs value={period} onChange={(_, next: Period) => setPeriod(next)} sx={{ mb: 1 }} variant="fullWidth">
        <Tab value="upcoming" label={translate('cascade.my_sessions.upcoming')} />
        <Tab value="past" label={translate('cascade.my_sessions.past')} />
      </Tabs>
      {isPending && identity && <LinearProgress />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && data.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
          {translate(period === 'upcoming' ? 'cascade.my_sessions.none_upcoming' : 'cascade.my_sessions.none_past')}
        </Typography>
      )}
      <Stack spacing={1.5}>
        {data?.map((session) => (
          <SessionCard key={session.id} session={session} />
        ))}
      </Stack>
      <Box sx={{ mt: 3 }}>
        <CalendarFeedCard />
      </Box>
    </Box>
  );
};
