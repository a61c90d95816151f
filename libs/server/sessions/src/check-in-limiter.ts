import { Injectable } from '@nestjs/common';
import { Limiter, RateLimits } from '@cascade/server/queue';

/** Wrong codes one person may enter for one session within a minute before waiting. */
export const WRONG_CODES_PER_MINUTE = 5;
/** Wrong codes in total after which the person's code entry for the session is closed. */
export const WRONG_CODES_BEFORE_LOCK = 20;
const NAME = 'check-in-wrong-code';

/**
 * Paces wrong check-in codes per person and session across all api replicas (see RateLimits).
 * The lock at the total limit is kept in `check_in_failure`.
 */
@Injectable()
export class CheckInLimiter {
  private readonly limiter: Limiter;
  readonly keyPrefix: string;

  constructor(limits: RateLimits) {
    this.limiter = limits.limiter({ name: NAME, points: WRONG_CODES_PER_MINUTE, windowSeconds: 60 });
    this.keyPrefix = limits.keyPrefix(NAME);
  }

  /** Seconds to wait before the next code, or null when the person may try now. */
  retryAfter(sessionId: string, userId: string): Promise<number | null> {
    return this.limiter.retryAfter(key(sessionId, userId));
  }

  /** Counts a wrong code; the seconds to wait when it went over the limit (two at the same instant), else null. */
  wrongCode(sessionId: string, userId: string): Promise<number | null> {
    return this.limiter.take(key(sessionId, userId));
  }

  /** Lets the person try again at once (a trainer reopened their entry). */
  forget(sessionId: string, userId: string): Promise<void> {
    return this.limiter.forget(key(sessionId, userId));
  }
}

const key = (sessionId: string, userId: string) => `${sessionId}:${userId}`;
