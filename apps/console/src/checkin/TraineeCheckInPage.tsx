import type { AttendanceView, TrainingSessionView } from '@cascade/contracts';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { HttpError, LocalesMenuButton, useDataProvider, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { LoginForm } from '../layout/LoginPage';
import type { CascadeDataProvider } from '../providers/dataProvider';
import { session as authSession } from '../providers/session';
import { formatClock, formatSessionTime } from '../resources/sessions/sessionDisplay';
import { outcomeOf, type Outcome } from './checkInOutcome';

const CODE_PATTERN = /^\d{6}$/;

const Panel = ({
  status,
  icon,
  title,
  children,
}: {
  status: string;
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}) => (
  <Card data-testid="checkin-result" data-status={status} role="status" aria-live="polite">
    <CardContent sx={{ textAlign: 'center', py: 4 }}>
      <Box sx={{ '& svg': { fontSize: 72 } }}>{icon}</Box>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mt: 1, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const CheckedIn = ({ attendance, repeated }: { attendance: AttendanceView; repeated: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const time = attendance.checkedInAt ? formatClock(attendance.checkedInAt, locale) : '';
  if (attendance.status === 'pending_approval') {
    return (
      <Panel
        status="pending_approval"
        icon={<HourglassTopIcon color="warning" />}
        title={translate('cascade.checkin.pending_title')}
      >
        <Typography color="text.secondary">{translate('cascade.checkin.pending_help')}</Typography>
      </Panel>
    );
  }
  const late = attendance.minutesLate > 0;
  return (
    <Panel
      status={attendance.status}
      icon={<CheckCircleIcon color={late ? 'warning' : 'success'} />}
      title={translate(repeated ? 'cascade.checkin.already_done' : 'cascade.checkin.done')}
    >
      <Typography variant="h6">{translate('cascade.checkin.checked_in_time', { time })}</Typography>
      <Typography variant="h6" sx={{ color: late ? 'warning.main' : 'success.main', fontWeight: 700 }}>
        {late
          ? translate('cascade.checkin.late_minutes', { minutes: attendance.minutesLate })
          : translate('cascade.checkin.on_time')}
      </Typography>
    </Panel>
  );
};

const CodeEntry = ({ busy, onSubmit }: { busy: boolean; onSubmit: (code: string) => void }) => {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const valid = CODE_PATTERN.test(code);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onSubmit(code);
  };
  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ mt: 2 }}>
      <TextField
        label={translate('cascade.checkin.code_label')}
        value={code}
        onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
        fullWidth
        autoComplete="one-time-code"
        slotProps={{
          htmlInput: {
            inputMode: 'numeric',
            pattern: '[0-9]{6}',
            maxLength: 6,
            style: { fontSize: 32, letterSpacing: '0.3em', textAlign: 'center' },
          },
        }}
      />
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        disabled={!valid || busy}
        sx={{ mt: 2, py: 1.5 }}
      >
        {busy ? <CircularProgress size={24} color="inherit" /> : translate('cascade.checkin.check_in')}
      </Button>
    </Box>
  );
};

const SessionSummary = ({ sessionId }: { sessionId: string }) => {
  const [locale] = useLocaleState();
  // Walk-ins may not see the session; the check-in works without this summary.
  const { data } = useGetOne<TrainingSessionView>('sessions', { id: sessionId }, { retry: false });
  if (!data) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
        {data.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {formatSessionTime(data, locale, data.timeZone)}
        {data.location ? ` · ${data.location}` : ''}
      </Typography>
    </Box>
  );
};

/** Signed in: checks in with the scanned code at once, or asks for the 6-digit code. */
const CheckIn = ({
  sessionId,
  scannedCode,
  onSignedOut,
}: {
  sessionId: string;
  scannedCode: string | null;
  onSignedOut: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CascadeDataProvider>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const attempted = useRef<string | null>(null);

  const checkIn = useCallback(
    async (code: string, method: 'qr' | 'code') => {
      setBusy(true);
      try {
        const { attendance, repeated } = await dataProvider.checkIn(sessionId, code, method);
        setOutcome({ kind: 'checked_in', attendance, repeated });
      } catch (error) {
        // The refresh token was refused too: sign in again, then the same code is tried again.
        if (error instanceof HttpError && error.status === 401) {
          authSession.clear();
          attempted.current = null;
          onSignedOut();
          return;
        }
        setOutcome(
          outcomeOf(
            error instanceof HttpError ? { status: error.status, message: error.message, body: error.body } : null,
            translate('ra.notification.http_error'),
          ),
        );
      } finally {
        setBusy(false);
      }
    },
    [dataProvider, sessionId, translate, onSignedOut],
  );

  useEffect(() => {
    // Once per scanned code, also under StrictMode's double effects; a repeat would be harmless anyway.
    if (!scannedCode || attempted.current === scannedCode) return;
    attempted.current = scannedCode;
    void checkIn(scannedCode, 'qr');
  }, [checkIn, scannedCode]);

  // The window may be on another day: the opening carries its date.
  const windowText = (opensAt: string, closesAt: string) =>
    translate('cascade.checkin.window', {
      opens: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
        new Date(opensAt),
      ),
      closes: formatClock(closesAt, locale),
    });

  if (busy && !outcome) {
    return (
      <Stack spacing={2} sx={{ alignItems: 'center', py: 6 }} role="status">
        <CircularProgress size={56} />
        <Typography variant="h6">{translate('cascade.checkin.working')}</Typography>
      </Stack>
    );
  }
  if (!outcome) {
    return (
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1">
            {translate('cascade.checkin.enter_code')}
          </Typography>
          <CodeEntry busy={busy} onSubmit={(code) => void checkIn(code, 'code')} />
        </CardContent>
      </Card>
    );
  }
  switch (outcome.kind) {
    case 'checked_in':
      return (
        <>
          <CheckedIn attendance={outcome.attendance} repeated={outcome.repeated} />
          <Button href="/my-sessions" fullWidth sx={{ mt: 2 }}>
            {translate('cascade.menu.my_sessions')}
          </Button>
        </>
      );
    case 'outside_window':
      return (
        <Panel
          status="outside_window"
          icon={<ScheduleIcon color="action" />}
          title={translate('cascade.checkin.outside_window')}
        >
          {outcome.opensAt && outcome.closesAt ? (
            <Typography variant="h6">{windowText(outcome.opensAt, outcome.closesAt)}</Typography>
          ) : (
            <Typography color="text.secondary">{outcome.detail}</Typography>
          )}
        </Panel>
      );
    case 'bad_code':
      return (
        <Panel status="bad_code" icon={<ErrorIcon color="error" />} title={translate('cascade.checkin.bad_code')}>
          <Typography color="text.secondary">{translate('cascade.checkin.bad_code_help')}</Typography>
          <CodeEntry busy={busy} onSubmit={(code) => void checkIn(code, 'code')} />
        </Panel>
      );
    case 'wait':
      return (
        <Panel
          status="wait"
          icon={<HourglassTopIcon color="warning" />}
          title={translate('cascade.check_in_entry.wait_title')}
        >
          <Typography color="text.secondary">
            {translate('cascade.check_in_entry.wait', { seconds: outcome.seconds })}
          </Typography>
          <CodeEntry busy={busy} onSubmit={(code) => void checkIn(code, 'code')} />
        </Panel>
      );
    case 'locked':
      return (
        <Panel
          status="locked"
          icon={<ErrorIcon color="error" />}
          title={translate('cascade.check_in_entry.locked_title')}
        >
          <Typography color="text.secondary">{translate('cascade.check_in_entry.locked_help')}</Typography>
        </Panel>
      );
    default:
      return (
        <Panel status="failed" icon={<ErrorIcon color="error" />} title={translate('cascade.checkin.failed')}>
          <Typography color="text.secondary">{outcome.detail}</Typography>
          <Button variant="outlined" sx={{ mt: 2 }} onClick={() => setOutcome(null)}>
            {translate('cascade.checkin.try_again')}
          </Button>
        </Panel>
      );
  }
};

/**
 * Route `/checkin/:sessionId?code=…`, the page a trainee's phone opens from the QR code. Signing
 * in happens here, and the scanned code stays in the address, so the check-in completes right after.
 */
export const TraineeCheckInPage = () => {
  const translate = useTranslate();
  const { sessionId } = useParams();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const code = searchParams.get('code');
  const [, setSignedOutCount] = useState(0);
  // Read on every render: signing in navigates to this same address and so renders again.
  const signedIn = authSession.active();

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default' }}>
      <Stack
        direction="row"
        sx={{ alignItems: 'center', px: 2, py: 1, bgcolor: 'primary.main', color: 'primary.contrastText' }}
      >
        <Typography variant="h6" component="span" sx={{ fontWeight: 700, flex: '1 1 auto' }}>
          Cascade · {translate('cascade.checkin.title')}
        </Typography>
        <LocalesMenuButton
          languages={[
            { locale: 'zh-CN', name: '中文' },
            { locale: 'en', name: 'EN' },
          ]}
        />
      </Stack>
      <Box sx={{ maxWidth: 480, mx: 'auto', p: 2 }}>
        {!sessionId ? (
          <Alert severity="error">{translate('ra.page.not_found')}</Alert>
        ) : signedIn ? (
          <>
            <SessionSummary sessionId={sessionId} />
            <CheckIn
              sessionId={sessionId}
              scannedCode={code && CODE_PATTERN.test(code) ? code : null}
              onSignedOut={() => setSignedOutCount((count) => count + 1)}
            />
          </>
        ) : (
          <>
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('cascade.checkin.sign_in_first')}
            </Alert>
            <Card>
              <LoginForm redirectTo={`${location.pathname}${location.search}`} showLanguages={false} />
            </Card>
          </>
        )}
      </Box>
    </Box>
  );
};
