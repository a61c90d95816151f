import type { AttendanceSheetRow, AttendanceSheetView, TrainingSessionView } from '@cascade/contracts';
import CloseIcon from '@mui/icons-material/Close';
import FullscreenIcon from '@mui/icons-material/Fullscreen';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Divider,
  IconButton,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { QRCodeSVG } from 'qrcode.react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useDataProvider, useGetOne, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { CascadeDataProvider } from '../providers/dataProvider';
import { session as authSession } from '../providers/session';
import { ReopenCheckInButton } from '../resources/sessions/CheckInEntryFlag';
import { formatClock, formatSessionTime } from '../resources/sessions/sessionDisplay';
import { useInterval } from './useInterval';
import { useRotatingCode } from './useRotatingCode';

const SHEET_POLL_MS = 5_000;

const Section = ({ title, count, children }: { title: string; count: number; children: ReactNode }) => (
  <Paper variant="outlined" sx={{ p: 2 }}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flex: '1 1 auto' }}>
        {title}
      </Typography>
      <Chip size="small" label={count} />
    </Stack>
    {children}
  </Paper>
);

const CodeDigits = ({ code }: { code: string }) => (
  <Box
    data-testid="checkin-code"
    aria-live="polite"
    sx={{
      fontFamily: '"Roboto Mono", "DejaVu Sans Mono", monospace',
      fontWeight: 700,
      fontSize: { xs: 48, md: 'clamp(48px, 5vw, 120px)' },
      lineHeight: 1,
      letterSpacing: '0.12em',
      color: 'primary.main',
      fontVariantNumeric: 'tabular-nums',
      whiteSpace: 'nowrap',
    }}
  >
    {code.slice(0, 3)}
    <Box component="span" sx={{ display: 'inline-block', width: '0.35em' }} />
    {code.slice(3)}
  </Box>
);

/** How long the shown code stays valid, as a shrinking bar. */
const Countdown = ({ expiresAt, periodSeconds }: { expiresAt: string; periodSeconds: number }) => {
  const translate = useTranslate();
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 250);
  const period = periodSeconds * 1000;
  const remaining = Math.min(period, Math.max(0, Date.parse(expiresAt) - now));
  return (
    <Box sx={{ width: '100%' }}>
      <LinearProgress variant="determinate" value={(remaining / period) * 100} sx={{ height: 6, borderRadius: 3 }} />
      <Typography variant="caption" color="text.secondary">
        {translate('cascade.checkin.changes_in', { seconds: Math.ceil(remaining / 1000) })}
      </Typography>
    </Box>
  );
};

const WindowNotice = ({ session }: { session: TrainingSessionView }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 10_000);
  if (session.status === 'cancelled') {
    return (
      <Alert severity="error">
        {translate('cascade.sessions.cancelled_because', { reason: session.cancelReason ?? '' })}
      </Alert>
    );
  }
  if (now < Date.parse(session.checkInOpensAt)) {
    return (
      <Alert severity="info">
        {translate('cascade.checkin.opens_at', { time: formatClock(session.checkInOpensAt, locale) })}
      </Alert>
    );
  }
  if (now > Date.parse(session.checkInClosesAt)) {
    return (
      <Alert severity="warning">
        {translate('cascade.checkin.closed_at', { time: formatClock(session.checkInClosesAt, locale) })}
      </Alert>
    );
  }
  return null;
};

const CheckedInList = ({ rows }: { rows: AttendanceSheetRow[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (rows.length === 0)
    return <Typography color="text.secondary">{translate('cascade.checkin.nobody_yet')}</Typography>;
  return (
    <List dense disablePadding aria-label={translate('cascade.checkin.checked_in')}>
      {rows.map((row) => {
        const attendance = row.attendance;
        return (
          <ListItem
            key={row.userId}
            disableGutters
            secondaryAction={
              attendance && attendance.minutesLate > 0 ? (
                <Chip
                  size="small"
                  color="warning"
                  label={translate('cascade.checkin.late_minutes', { minutes: attendance.minutesLate })}
                />
              ) : (
                <Chip size="small" color="success" variant="outlined" label={translate('cascade.checkin.on_time')} />
              )
            }
          >
            <ListItemText
              primary={row.name}
              secondary={[
                attendance?.checkedInAt ? formatClock(attendance.checkedInAt, locale) : null,
                row.departmentName,
                !row.enrolled ? translate('cascade.checkin.walk_in') : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

const PendingList = ({
  rows,
  onApprove,
  busy,
}: {
  rows: AttendanceSheetRow[];
  onApprove: (row: AttendanceSheetRow) => void;
  busy: string | null;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <List dense disablePadding aria-label={translate('cascade.checkin.pending')}>
      {rows.map((row) => (
        <ListItem
          key={row.userId}
          disableGutters
          secondaryAction={
            <Button
              size="small"
              variant="contained"
              startIcon={busy === row.userId ? <CircularProgress size={14} color="inherit" /> : <HowToRegIcon />}
              disabled={busy !== null}
              onClick={() => onApprove(row)}
              aria-label={`${translate('cascade.checkin.approve')} ${row.name}`}
            >
              {translate('cascade.checkin.approve')}
            </Button>
          }
        >
          <ListItemText
            primary={row.name}
            secondary={[
              row.attendance?.checkedInAt ? formatClock(row.attendance.checkedInAt, locale) : null,
              row.departmentName,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
};

/** People whose code entry closed after too many wrong codes: the trainer reopens it or checks them in. */
const LockedList = ({
  sessionId,
  rows,
  onChanged,
}: {
  sessionId: string;
  rows: AttendanceSheetRow[];
  onChanged: () => unknown;
}) => {
  const translate = useTranslate();
  return (
    <List dense disablePadding aria-label={translate('cascade.check_in_entry.locked_section')}>
      {rows.map((row) => (
        <ListItem
          key={row.userId}
          disableGutters
          secondaryAction={<ReopenCheckInButton sessionId={sessionId} row={row} onReopened={onChanged} />}
        >
          <ListItemText
            primary={row.name}
            secondary={[
              translate('cascade.check_in_entry.locked_tip', { count: row.checkInEntry?.wrongCodes ?? 0 }),
              row.departmentName,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
};

const isCheckedIn = (row: AttendanceSheetRow) =>
  row.attendance?.status === 'present' || row.attendance?.status === 'late';

/** Full-screen check-in for the room: rotating QR code, the 6-digit code, and who has arrived. */
const CheckInBoard = ({ sessionId }: { sessionId: string }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const { data: session, error: sessionError } = useGetOne<TrainingSessionView>('sessions', { id: sessionId });
  const { code, error: codeError } = useRotatingCode(sessionId);
  const [sheet, setSheet] = useState<AttendanceSheetView | null>(null);
  const [sheetError, setSheetError] = useState<Error | null>(null);
  const [approving, setApproving] = useState<string | null>(null);

  const loadSheet = useCallback(async () => {
    try {
      setSheet(await dataProvider.attendanceSheet(sessionId));
      setSheetError(null);
    } catch (failure) {
      setSheetError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  }, [dataProvider, sessionId]);

  useEffect(() => {
    void loadSheet();
  }, [loadSheet]);
  useInterval(() => void loadSheet(), SHEET_POLL_MS);

  const approve = async (row: AttendanceSheetRow) => {
    setApproving(row.userId);
    try {
      await dataProvider.markAttendance(sessionId, { userId: row.userId, status: 'present' });
      notify('cascade.checkin.approved', { type: 'success', messageArgs: { name: row.name } });
      await loadSheet();
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setApproving(null);
    }
  };

  const rows = sheet?.rows ?? [];
  const checkedIn = rows
    .filter(isCheckedIn)
    .sort((a, b) => Date.parse(b.attendance?.checkedInAt ?? '') - Date.parse(a.attendance?.checkedInAt ?? ''));
  const pending = rows.filter((row) => row.attendance?.status === 'pending_approval');
  const missing = rows.filter((row) => row.enrolled && !row.attendance);
  const locked = rows.filter((row) => row.checkInEntry?.locked && !row.attendance);

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Stack
        direction="row"
        spacing={2}
        sx={{
          alignItems: 'center',
          px: { xs: 2, md: 3 },
          py: 1.5,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
        }}
      >
        <Box sx={{ flex: '1 1 auto', minWidth: 0 }}>
          <Typography variant="h5" component="h1" noWrap sx={{ fontWeight: 700 }}>
            {session?.title ?? translate('cascade.checkin.title')}
          </Typography>
          {session && (
            <Typography variant="body2" sx={{ opacity: 0.9 }} noWrap>
              {formatSessionTime(session, locale, session.timeZone)}
              {session.location ? ` · ${session.location}` : ''}
            </Typography>
          )}
        </Box>
        <Tooltip title={translate('cascade.checkin.fullscreen')}>
          <IconButton
            color="inherit"
            aria-label={translate('cascade.checkin.fullscreen')}
            onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
          >
            <FullscreenIcon />
          </IconButton>
        </Tooltip>
        <Button
          color="inherit"
          variant="outlined"
          startIcon={<CloseIcon />}
          onClick={() => navigate(`/sessions/${sessionId}/show`)}
        >
          {translate('cascade.checkin.exit')}
        </Button>
      </Stack>

      <Box
        sx={{
          flex: '1 1 auto',
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(320px, 1fr)' },
          gap: 3,
          p: { xs: 2, md: 3 },
        }}
      >
        <Stack spacing={2}>
          {sessionError && <Alert severity="error">{sessionError.message}</Alert>}
          {session && <WindowNotice session={session} />}
          <Paper
            variant="outlined"
            sx={{
              p: { xs: 2, md: 4 },
              display: 'flex',
              flexDirection: { xs: 'column', md: 'row' },
              alignItems: 'center',
              justifyContent: 'center',
              gap: { xs: 2, md: 5 },
            }}
          >
            <Box
              sx={{
                width: { xs: '80vw', md: 'min(58vh, 30vw)' },
                maxWidth: 600,
                aspectRatio: '1 / 1',
                flex: '0 0 auto',
              }}
            >
              {code ? (
                <QRCodeSVG
                  value={code.url}
                  size={512}
                  level="M"
                  marginSize={2}
                  title={translate('cascade.checkin.qr_title')}
                  data-testid="checkin-qr"
                  data-url={code.url}
                  style={{ width: '100%', height: '100%' }}
                />
              ) : codeError ? (
                <Alert severity="error">{codeError.message}</Alert>
              ) : (
                <Box sx={{ display: 'grid', placeItems: 'center', height: '100%' }}>
                  <CircularProgress />
                </Box>
              )}
            </Box>
            <Stack spacing={2} sx={{ alignItems: { xs: 'center', md: 'flex-start' }, minWidth: 0 }}>
              <Typography variant="h6" color="text.secondary">
                {translate('cascade.checkin.scan_or_type')}
              </Typography>
              {code && <CodeDigits code={code.code} />}
              {code && <Countdown expiresAt={code.expiresAt} periodSeconds={code.periodSeconds} />}
              {code && codeError && (
                <Typography variant="caption" color="error">
                  {codeError.message}
                </Typography>
              )}
              <Divider flexItem />
              <Typography
                data-testid="checkin-count"
                aria-live="polite"
                sx={{ fontSize: { xs: 28, md: 'clamp(24px, 2.6vw, 48px)' }, fontWeight: 700, whiteSpace: 'nowrap' }}
              >
                {sheet
                  ? translate('cascade.checkin.count', { checkedIn: sheet.checkedIn, enrolled: sheet.enrolled })
                  : translate('cascade.checkin.count', { checkedIn: '–', enrolled: '–' })}
              </Typography>
            </Stack>
          </Paper>
        </Stack>

        <Stack spacing={2}>
          {sheetError && <Alert severity="warning">{sheetError.message}</Alert>}
          {locked.length > 0 && (
            <Section title={translate('cascade.check_in_entry.locked_section')} count={locked.length}>
              <LockedList sessionId={sessionId} rows={locked} onChanged={loadSheet} />
            </Section>
          )}
          {pending.length > 0 && (
            <Section title={translate('cascade.checkin.pending')} count={pending.length}>
              <PendingList rows={pending} onApprove={approve} busy={approving} />
            </Section>
          )}
          <Section title={translate('cascade.checkin.checked_in')} count={checkedIn.length}>
            <CheckedInList rows={checkedIn} />
          </Section>
          <Section title={translate('cascade.checkin.not_arrived')} count={missing.length}>
            {missing.length === 0 ? (
              <Typography color="text.secondary">{translate('cascade.checkin.everyone_here')}</Typography>
            ) : (
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {missing.map((row) => (
                  <Chip key={row.userId} label={row.name} variant="outlined" />
                ))}
              </Stack>
            )}
          </Section>
        </Stack>
      </Box>
    </Box>
  );
};

/** Route `/sessions/:id/check-in`, outside the layout. */
export const CheckInScreen = () => {
  const { id } = useParams();
  const location = useLocation();
  if (!authSession.active()) {
    return <Navigate to="/login" replace state={{ nextPathname: location.pathname, nextSearch: location.search }} />;
  }
  return id ? <CheckInBoard sessionId={id} /> : null;
};
