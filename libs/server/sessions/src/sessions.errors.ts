import { ConflictError } from '@cascade/server/core';

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
