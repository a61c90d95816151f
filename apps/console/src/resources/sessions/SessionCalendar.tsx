import { MAX_PER_PAGE, type TrainingSessionView } from '@cascade/contracts';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import {
  Alert,
  Box,
  Button,
  Card,
  Chip,
  FormControlLabel,
  IconButton,
  LinearProgress,
  Stack,
  Switch,
  Tooltip,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useMemo, useState } from 'react';
import { useGetIdentity, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { calendarRange, dayKey, shiftAnchor, startOfDay, type CalendarMode } from './calendarRange';
import { SESSION_PHASE_COLORS, formatClock, formatSessionTime, sessionPhase } from './sessionDisplay';

/** Chips per day cell in month mode before "+N more". */
const MONTH_CELL_LIMIT = 3;

/** In week mode the chip wraps its title over lines; month cells keep one line. */
const SessionChip = ({ session, wrap }: { session: TrainingSessionView; wrap: boolean }) => {
  const navigate = useNavigate();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const phase = sessionPhase(session);
  const cancelled = phase === 'cancelled';
  const place = session.location ?? (session.onlineUrl ? translate('cascade.sessions.online') : '');
  return (
    <Tooltip
      title={
        <>
          <div>{session.title}</div>
          <div>{formatSessionTime(session, locale)}</div>
          {place && <div>{place}</div>}
          <div>{translate(`cascade.session_phase.${phase}`)}</div>
        </>
      }
    >
      <Chip
        size="small"
        clickable
        color={SESSION_PHASE_COLORS[phase]}
        variant={cancelled ? 'outlined' : 'filled'}
        label={`${formatClock(session.startsAt, locale)} ${session.title}`}
        onClick={() => navigate(`/sessions/${session.id}/show`)}
        sx={{
          maxWidth: '100%',
          justifyContent: 'flex-start',
          textDecoration: cancelled ? 'line-through' : undefined,
          ...(wrap && { height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }),
        }}
      />
    </Tooltip>
  );
};

const DayCell = ({
  day,
  sessions,
  mode,
  inMonth,
  onShowDay,
}: {
  day: Date;
  sessions: TrainingSessionView[];
  mode: CalendarMode;
  inMonth: boolean;
  onShowDay: (day: Date) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = dayKey(day) === dayKey(new Date());
  const shown = mode === 'month' ? sessions.slice(0, MONTH_CELL_LIMIT) : sessions;
  const hidden = sessions.length - shown.length;
  const label = new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(day);
  return (
    <Box
      role="gridcell"
      aria-label={label}
      sx={{
        minHeight: mode === 'month' ? 112 : { xs: 72, md: 360 },
        p: 0.75,
        borderRight: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: today
          ? (theme) => alpha(theme.palette.primary.main, 0.06)
          : inMonth
            ? 'background.paper'
            : 'action.hover',
        minWidth: 0,
      }}
    >
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'baseline', mb: 0.5 }}>
        {mode === 'week' && (
          <Typography variant="caption" color="text.secondary" sx={{ display: { md: 'none' } }}>
            {new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(day)}
          </Typography>
        )}
        <Typography
          variant="body2"
          sx={{
            fontWeight: today ? 700 : 400,
            color: inMonth ? (today ? 'primary.main' : 'text.primary') : 'text.disabled',
          }}
        >
          {mode === 'month'
            ? day.getDate()
            : new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' }).format(day)}
        </Typography>
      </Stack>
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        {shown.map((session) => (
          <SessionChip key={session.id} session={session} wrap={mode === 'week'} />
        ))}
        {hidden > 0 && (
          <Button size="small" onClick={() => onShowDay(day)} sx={{ minWidth: 0, p: 0, textTransform: 'none' }}>
            {translate('cascade.sessions.more', { smart_count: hidden })}
          </Button>
        )}
      </Stack>
    </Box>
  );
};

/** Sessions on a week or month grid, one chip per session on the day it starts, in local time. */
export const SessionCalendar = ({
  mode,
  onModeChange,
}: {
  mode: CalendarMode;
  onModeChange: (mode: CalendarMode) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const [anchor, setAnchor] = useState(() => startOfDay(new Date()));
  const [onlyMine, setOnlyMine] = useState(false);
  const { days, from, to } = useMemo(() => calendarRange(mode, anchor), [mode, anchor]);
  const isTrainer = (identity?.roles as string[] | undefined)?.includes('trainer') ?? false;

  const { data, total, isPending, error } = useGetList<TrainingSessionView>('sessions', {
    pagination: { page: 1, perPage: MAX_PER_PAGE },
    sort: { field: 'startsAt', order: 'ASC' },
    filter: {
      from: from.toISOString(),
      to: to.toISOString(),
      ...(onlyMine && identity ? { trainerId: identity.id } : {}),
    },
  });

  const byDay = useMemo(() => {
    const groups = new Map<string, TrainingSessionView[]>();
    for (const session of data ?? []) {
      const key = dayKey(new Date(session.startsAt));
      groups.set(key, [...(groups.get(key) ?? []), session]);
    }
    return groups;
  }, [data]);

  const heading =
    mode === 'month'
      ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(anchor)
      : `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(days[0])} – ${new Intl.DateTimeFormat(
          locale,
          {
            dateStyle: 'medium',
          },
        ).format(days[days.length - 1])}`;
  const weekdays = days.slice(0, 7).map((day) => new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(day));
  const month = anchor.getMonth();

  return (
    <Card>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}
      >
        <IconButton
          aria-label={translate(`cascade.sessions.previous_${mode}`)}
          onClick={() => setAnchor((current) => shiftAnchor(mode, current, -1))}
        >
          <ChevronLeftIcon />
        </IconButton>
        <Button size="small" variant="outlined" onClick={() => setAnchor(startOfDay(new Date()))}>
          {translate('cascade.sessions.today')}
        </Button>
        <IconButton
          aria-label={translate(`cascade.sessions.next_${mode}`)}
          onClick={() => setAnchor((current) => shiftAnchor(mode, current, 1))}
        >
          <ChevronRightIcon />
        </IconButton>
        <Typography variant="h6" component="h2" sx={{ flex: '1 1 auto' }} aria-live="polite">
          {heading}
        </Typography>
        {isTrainer && (
          <FormControlLabel
            control={<Switch checked={onlyMine} onChange={(event) => setOnlyMine(event.target.checked)} />}
            label={translate('cascade.sessions.only_mine')}
          />
        )}
      </Stack>
      {isPending ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
      {error && (
        <Alert severity="error" sx={{ m: 2 }}>
          {error.message}
        </Alert>
      )}
      {total !== undefined && total > MAX_PER_PAGE && (
        <Alert severity="info" sx={{ m: 2 }}>
          {translate('cascade.sessions.too_many', { shown: MAX_PER_PAGE, total })}
        </Alert>
      )}
      <Box
        role="grid"
        aria-label={heading}
        sx={{
          display: 'grid',
          gridTemplateColumns:
            mode === 'week' ? { xs: '1fr', md: 'repeat(7, minmax(0, 1fr))' } : 'repeat(7, minmax(0, 1fr))',
          borderLeft: 1,
          borderColor: 'divider',
        }}
      >
        {weekdays.map((weekday) => (
          <Box
            key={weekday}
            role="columnheader"
            sx={{
              display: mode === 'week' ? { xs: 'none', md: 'block' } : 'block',
              px: 0.75,
              py: 0.5,
              borderRight: 1,
              borderBottom: 1,
              borderColor: 'divider',
              bgcolor: 'action.hover',
            }}
          >
            <Typography variant="caption" sx={{ fontWeight: 600 }}>
              {weekday}
            </Typography>
          </Box>
        ))}
        {days.map((day) => (
          <DayCell
            key={dayKey(day)}
            day={day}
            mode={mode}
            inMonth={mode === 'week' || day.getMonth() === month}
            sessions={byDay.get(dayKey(day)) ?? []}
            onShowDay={(target) => {
              setAnchor(target);
              onModeChange('week');
            }}
          />
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, py: 1 }}>
        {translate('cascade.sessions.local_times', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
      </Typography>
    </Card>
  );
};
