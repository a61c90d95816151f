import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { TooManyRequestsError } from '@cascade/server/core';
import { Limiter, RateLimits } from '@cascade/server/queue';

/** Wrong passwords for one account from one address before each further try waits. */
export const FREE_LOGIN_FAILURES = 3;
/** The longest wait between tries, however many failed. */
export const MAX_LOGIN_PAUSE_SECONDS = 15 * 60;
const ADDRESS_WINDOW_SECONDS = 15 * 60;

/** Seconds to wait after the n-th consecutive failure: 1, 2, 4 … doubling, capped. */
export const loginPause = (failures: number) =>
  failures < FREE_LOGIN_FAILURES ? 0 : Math.min(2 ** (failures - FREE_LOGIN_FAILURES), MAX_LOGIN_PAUSE_SECONDS);

/**
 * Paces password guessing without handing anyone a way to lock others out: failures slow down
 * one account from one address (exponentially), and one address overall; an account is never
 * locked, so a flood from one address leaves its owner free to log in from another. Counted
 * across api replicas (see RateLimits). Answers are 429 with Retry-After.
 */
@Injectable()
export class LoginLimits {
  private readonly failures: Limiter;
  private readonly pauses: Limiter;
  private readonly addresses: Limiter;

  constructor(limits: RateLimits, @Inject(APP_CONFIG) config: Pick<AppConfig, 'loginFailuresPerAddress'>) {
    // Consecutive failures are remembered for a day; a success forgets them.
    this.failures = limits.limiter({ name: 'login-failures', points: 1_000_000, windowSeconds: 24 * 3600 });
    this.pauses = limits.limiter({ name: 'login-pause', points: 1, windowSeconds: 1 });
    this.addresses = limits.limiter({
      name: 'login-address',
      points: config.loginFailuresPerAddress,
      windowSeconds: ADDRESS_WINDOW_SECONDS,
    });
  }

  /** Refuses with 429 while this account and address wait, or the address has failed too often. */
  async assertMayTry(email: string, ip: string): Promise<void> {
    const waits = await Promise.all([this.pauses.retryAfter(pair(email, ip)), this.addresses.retryAfter(ip)]);
    const wait = Math.max(...waits.map((w) => w ?? 0));
    if (wait > 0) throw new TooManyRequestsError(wait);
  }

  async failed(email: string, ip: string): Promise<void> {
    const [failures] = await Promise.all([this.failures.count(pair(email, ip)), this.addresses.take(ip)]);
    const pause = loginPause(failures);
    if (pause > 0) await this.pauses.block(pair(email, ip), pause);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.failures.forget(pair(email, ip)), this.pauses.forget(pair(email, ip))]);
  }
}

const pair = (email: string, ip: string) => `${email}|${ip}`;
