import type { SessionTrainerView, TrainingSessionView } from '@cascade/contracts';
import { toWallTime, wallTimeToInstant, wallTimeToIso } from './zonedTime';

/** The session form: start and end are wall-clock times in `timeZone`. */
export interface SessionFormValues {
  planId?: string;
  moduleId?: string;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  location?: string | null;
  onlineUrl?: string | null;
  capacity?: number | string;
  trainers?: Partial<SessionTrainerView>[];
  checkInOpensMinutesBefore?: number | string;
  checkInClosesMinutesAfter?: number | string;
}

const MINUTE = 60_000;
const text = (value: string | null | undefined) => (value ?? '').trim();

/** A stored session as form values, times shown in the session's own zone. */
export function sessionFormValues(session: TrainingSessionView): TrainingSessionView & SessionFormValues {
  const startsAt = Date.parse(session.startsAt);
  return {
    ...session,
    startsAt: toWallTime(session.startsAt, session.timeZone),
    endsAt: toWallTime(session.endsAt, session.timeZone),
    checkInOpensMinutesBefore: Math.round((startsAt - Date.parse(session.checkInOpensAt)) / MINUTE),
    checkInClosesMinutesAfter: Math.round((Date.parse(session.checkInClosesAt) - startsAt) / MINUTE),
  };
}

function schedule(values: SessionFormValues) {
  const timeZone = values.timeZone ?? 'UTC';
  return {
    moduleId: values.moduleId,
    title: text(values.title) || undefined,
    startsAt: values.startsAt ? wallTimeToIso(values.startsAt, timeZone) : undefined,
    endsAt: values.endsAt ? wallTimeToIso(values.endsAt, timeZone) : undefined,
    timeZone,
    location: text(values.location) || undefined,
    onlineUrl: text(values.onlineUrl) || undefined,
    capacity: Number(values.capacity),
    trainers: (values.trainers ?? []).map((trainer) => ({ userId: trainer.userId, role: trainer.role })),
    checkInOpensMinutesBefore: Number(values.checkInOpensMinutesBefore),
    checkInClosesMinutesAfter: Number(values.checkInClosesMinutesAfter),
  };
}

export const sessionCreateBody = (values: SessionFormValues) => ({ planId: values.planId, ...schedule(values) });

/** Only what changed, so a reschedule check runs only when the schedule did change. */
export function sessionPatchBody(values: SessionFormValues, previous: TrainingSessionView) {
  const next = schedule(values);
  const before = schedule(sessionFormValues(previous));
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[field]) !== JSON.stringify(before[field])) changes[field] = next[field] ?? null;
  }
  // An emptied title keeps the current one; the API names a session after its module only at creation.
  if (changes.title === null) delete changes.title;
  return changes;
}

/** The form-level rule the API also checks: a session ends after it starts. */
export function validateSchedule(values: SessionFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.startsAt && values.endsAt && values.timeZone) {
    const start = wallTimeToInstant(values.startsAt, values.timeZone).getTime();
    const end = wallTimeToInstant(values.endsAt, values.timeZone).getTime();
    if (end <= start) errors.endsAt = 'cascade.sessions.ends_before_start';
  }
  return errors;
}
