import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '@cascade/server/core';
import { Limiter, RateLimits } from '@cascade/server/queue';

/**
 * The budgets of requests that cost a lot or could be used to pester someone, counted across
 * api replicas. Logins, check-in codes and verification have their own.
 */
@Injectable()
export class RequestLimits {
  /** Spreadsheet imports per person: each one reads a file of thousands of rows. */
  readonly imports: Limiter;
  /** Forgotten-password requests per address, and per email so nobody's inbox is flooded. */
  readonly forgotByAddress: Limiter;
  readonly forgotByEmail: Limiter;
  /** Refreshes per address: a room of thousands behind one Wi-Fi, each refreshing every few minutes, fits. */
  readonly refreshByAddress: Limiter;
  /** Password links tried per address (each a 256-bit secret: this keeps a client from hammering). */
  readonly resetByAddress: Limiter;

  constructor(limits: RateLimits) {
    this.refreshByAddress = limits.limiter({ name: 'refresh-address', points: 1200, windowSeconds: 60 });
    this.imports = limits.limiter({ name: 'imports', points: 20, windowSeconds: 10 * 60 });
    this.forgotByAddress = limits.limiter({ name: 'forgot-address', points: 100, windowSeconds: 15 * 60 });
    this.forgotByEmail = limits.limiter({ name: 'forgot-email', points: 3, windowSeconds: 60 * 60 });
    this.resetByAddress = limits.limiter({ name: 'reset-address', points: 30, windowSeconds: 15 * 60 });
  }
}

/** Spends one of the budget for the key, or refuses with 429 and Retry-After. */
export async function spend(limiter: Limiter, key: string): Promise<void> {
  const wait = await limiter.take(key);
  if (wait !== null) throw new TooManyRequestsError(wait);
}
