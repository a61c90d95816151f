import { LeadQualificationState, TrainingSessionView } from '@cascade/contracts';
import { SessionEnrollment } from './session-enrollment.entity';
import { SessionTrainer } from './session-trainer.entity';
import { TrainingSession } from './training-session.entity';

export function checkInWindow(session: TrainingSession): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(session.startsAt.getTime() - session.checkInOpensMinutesBefore * 60_000),
    closesAt: new Date(session.startsAt.getTime() + session.checkInClosesMinutesAfter * 60_000),
  };
}

export function toSessionView(
  session: TrainingSession,
  trainers: SessionTrainer[],
  enrollments: SessionEnrollment[],
  leadQualification: LeadQualificationState | null = null,
): TrainingSessionView {
  const window = checkInWindow(session);
  return {
    id: session.id,
    organizationId: session.organizationId,
    planId: session.planId,
    moduleId: session.moduleId,
    title: session.title,
    businessProcess: session.businessProcess,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    location: session.location,
    onlineUrl: session.onlineUrl,
    capacity: session.capacity,
    status: session.status,
    cancelReason: session.cancelReason,
    checkInOpensAt: window.opensAt.toISOString(),
    checkInClosesAt: window.closesAt.toISOString(),
    trainers: trainers.map((t) => ({ userId: t.userId, role: t.role })),
    enrollments: enrollments.map((e) => ({ userId: e.userId, status: e.status, createdAt: e.createdAt.toISOString() })),
    leadQualification,
    needsNewLead: leadQualification !== null && leadQualification !== 'valid',
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026年12月1日 09:00" in the session's own zone, for messages and calendars. */
export function formatWhen(session: TrainingSession, locale: 'zh-CN' | 'en'): string {
  // Building a formatter costs far more than using one; a room of notifications shares a few.
  const key = `${locale}|${session.timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: session.timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(session.startsAt);
}
