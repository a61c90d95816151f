import type { TrainingSessionView } from '@cascade/contracts';
import { useLocaleState, useRecordContext } from 'react-admin';
import { EnumChip, type ChipColor } from '../EnumChip';

export type SessionPhase = 'upcoming' | 'ongoing' | 'ended' | 'cancelled';

export const SESSION_PHASE_COLORS: Record<SessionPhase, ChipColor> = {
  upcoming: 'primary',
  ongoing: 'success',
  ended: 'default',
  cancelled: 'error',
};

/** Where the session stands now: the API stores only scheduled or cancelled. */
export function sessionPhase(session: Pick<TrainingSessionView, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()) {
  if (session.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(session.startsAt)) return 'upcoming';
  return now <= Date.parse(session.endsAt) ? 'ongoing' : 'ended';
}

export const isCheckInOpen = (session: TrainingSessionView, now = Date.now()) =>
  session.status === 'scheduled' &&
  now >= Date.parse(session.checkInOpensAt) &&
  now <= Date.parse(session.checkInClosesAt);

/** "2025/6/10 周二 09:00–11:00": start and end, in the given zone (the browser's when omitted). */
export function formatSessionTime(
  session: Pick<TrainingSessionView, 'startsAt' | 'endsAt'>,
  locale: string,
  timeZone?: string,
): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)} ${weekday.format(start)} ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

export const formatClock = (iso: string, locale: string, timeZone?: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

export const SessionPhaseChip = ({ session }: { session: TrainingSessionView }) => (
  <EnumChip value={sessionPhase(session)} prefix="cascade.session_phase" colors={SESSION_PHASE_COLORS} />
);

export const SessionPhaseField = (_props: { label?: string; source?: string }) => {
  const session = useRecordContext<TrainingSessionView>();
  return session ? <SessionPhaseChip session={session} /> : null;
};

/** The session's time in its own zone, the way it was planned. */
export const SessionTimeField = (_props: { label?: string; source?: string }) => {
  const session = useRecordContext<TrainingSessionView>();
  const [locale] = useLocaleState();
  if (!session) return null;
  return <span>{formatSessionTime(session, locale, session.timeZone)}</span>;
};

export const EnrolledField = (_props: { label?: string; source?: string }) => {
  const session = useRecordContext<TrainingSessionView>();
  if (!session) return null;
  const enrolled = session.enrollments.filter((enrollment) => enrollment.status !== 'declined').length;
  return (
    <span>
      {enrolled} / {session.capacity}
    </span>
  );
};
