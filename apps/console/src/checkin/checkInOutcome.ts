import type { AttendanceView } from '@cascade/contracts';

export type Outcome =
  | { kind: 'checked_in'; attendance: AttendanceView; repeated: boolean }
  | { kind: 'outside_window'; detail: string; opensAt?: string; closesAt?: string }
  | { kind: 'bad_code'; detail: string }
  /** Too many wrong codes just now: wait this long. */
  | { kind: 'wait'; seconds: number }
  /** Too many wrong codes in all: only a trainer can check the person in now. */
  | { kind: 'locked' }
  | { kind: 'failed'; detail: string };

/** What a refused check-in answered: its status, message and problem body. */
export interface RefusedCheckIn {
  status: number;
  message: string;
  body?: unknown;
}

/** The page to show for a refused check-in. */
export function outcomeOf(refusal: RefusedCheckIn | null, fallback: string): Outcome {
  if (!refusal) return { kind: 'failed', detail: fallback };
  const body = (refusal.body ?? {}) as { code?: string; opensAt?: string; closesAt?: string; retryAfter?: number };
  if (body.code === 'CHECK_IN_LOCKED') return { kind: 'locked' };
  if (refusal.status === 429) return { kind: 'wait', seconds: Math.max(1, Math.ceil(body.retryAfter ?? 60)) };
  if (refusal.status === 409) {
    return { kind: 'outside_window', detail: refusal.message, opensAt: body.opensAt, closesAt: body.closesAt };
  }
  if (body.code === 'CHECK_IN_CODE_INVALID' || refusal.status === 400)
    return { kind: 'bad_code', detail: refusal.message };
  return { kind: 'failed', detail: refusal.message || fallback };
}
