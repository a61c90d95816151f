import { ConflictError, DomainError, ForbiddenError, UnprocessableError } from '@cascade/server/core';

export type ClashKind = 'TRAINER_CLASH' | 'LOCATION_CLASH' | 'TRAINEE_CLASH';

export interface ClashingSession {
  id: string;
  organization_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  user_id?: string;
}

const WHAT: Record<ClashKind, string> = {
  TRAINER_CLASH: 'A trainer is already booked',
  LOCATION_CLASH: 'The location is already booked',
  TRAINEE_CLASH: 'A trainee is already enrolled',
};

/**
 * 409 naming the other session. Its title is named only inside the same organization;
 * a vendor trainer's booking at another client shows as times alone.
 */
export function clash(kind: ClashKind, other: ClashingSession, organizationId: string): ConflictError {
  const sameTenant = other.organization_id === organizationId;
  const title = sameTenant ? other.title : 'another session';
  return new ConflictError(
    kind,
    `${WHAT[kind]} at that time: ${title} (${other.starts_at.toISOString()} – ${other.ends_at.toISOString()})`,
    {
      conflict: {
        sessionId: sameTenant ? other.id : null,
        title: sameTenant ? other.title : null,
        startsAt: other.starts_at.toISOString(),
        endsAt: other.ends_at.toISOString(),
        ...(other.user_id ? { userId: other.user_id } : {}),
      },
    },
  );
}

export const capacityExceeded = (capacity: number, requested: number) =>
  new ConflictError('CAPACITY_EXCEEDED', `The session holds ${capacity}; ${requested} would be enrolled`, {
    capacity,
    requested,
  });

export const sessionCancelled = () => new ConflictError('SESSION_CANCELLED', 'The session is cancelled');

/** Changing who trains a session is for its lead, the vendor's trainers serving the client, and admins. */
export const staffingForbidden = () =>
  new ForbiddenError(
    'Only the session’s lead trainer, a vendor trainer serving the client or an admin may change its trainers',
    'STAFFING_FORBIDDEN',
  );

/** Someone enrolled in (or attending) a session cannot also train it. */
export const trainerIsEnrolled = (userIds: string[]) =>
  new UnprocessableError(
    'TRAINER_IS_ENROLLED',
    `trainers: enrolled in this session, so they cannot train it: ${userIds.join(', ')}`,
    [{ field: 'trainers', message: `enrolled in this session: ${userIds.join(', ')}` }],
    { userIds },
  );

/** A trainer of a session cannot also be one of its trainees. */
export const enrolleeIsTrainer = (field: string, userIds: string[]) =>
  new UnprocessableError(
    'ENROLLEE_IS_TRAINER',
    `${field}: trainers of this session cannot attend it: ${userIds.join(', ')}`,
    [{ field, message: `trains this session: ${userIds.join(', ')}` }],
    { userIds },
  );

export const ownAttendance = () =>
  new ForbiddenError('Nobody marks their own attendance; another trainer of the session must', 'OWN_ATTENDANCE');

/** 403 even for the right code: the entry stays closed until a trainer reopens it. */
export const checkInLocked = (lockedAt: Date) =>
  new DomainError(
    'CHECK_IN_LOCKED',
    403,
    'Too many wrong codes: your check-in for this session is closed; ask a trainer to check you in or to reopen it',
    { lockedAt: lockedAt.toISOString() },
  );
