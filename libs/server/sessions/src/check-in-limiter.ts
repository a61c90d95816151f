import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/** Wrong codes one person may enter for one session within a minute before waiting. */
export const WRONG_CODES_PER_MINUTE = 5;
/** Wrong codes in total after which the person's code entry for the session is closed. */
export const WRONG_CODES_BEFORE_LOCK = 20;
/** Where the PostgreSQL store keeps its counters (created by a migration). */
export const CHECK_IN_LIMIT_TABLE = 'check_in_limit';

/**
 * Counts wrong check-in codes per person and session across all api replicas: in Redis when
 * it is configured, otherwise in PostgreSQL (the embedded mode). The counters only pace
 * guessing; the lock at the total limit is kept in `check_in_failure`.
 */
@Injectable()
export class CheckInLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('CheckInLimiter');
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null;
  readonly keyPrefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    this.keyPrefix = `${config.queue.prefix}:check-in-wrong-code`;
    const limits = { keyPrefix: this.keyPrefix, points: WRONG_CODES_PER_MINUTE, duration: 60 };
    if (config.queue.redisUrl) {
      // Connects on the first wrong code (a worker never does); a command waits for one reconnect at
      // most, after which the in-memory insurance counts instead.
      this.redis = new Redis(config.queue.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
      // The queue reports a Redis outage; here it only means counting in memory for a while.
      this.redis.on('error', () => undefined);
      this.limiter = new RateLimiterRedis({
        ...limits,
        storeClient: this.redis,
        insuranceLimiter: new RateLimiterMemory(limits),
      });
    } else {
      this.redis = null;
      this.limiter = new RateLimiterPostgres({
        ...limits,
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: CHECK_IN_LIMIT_TABLE,
        tableCreated: true,
      });
    }
  }

  /** Seconds to wait before the next code, or null when the person may try now. */
  async retryAfter(sessionId: string, userId: string): Promise<number | null> {
    const state = await this.limiter.get(key(sessionId, userId));
    return state && state.consumedPoints >= WRONG_CODES_PER_MINUTE ? seconds(state.msBeforeNext) : null;
  }

  /** Counts a wrong code; the seconds to wait when it went over the limit (two at the same instant), else null. */
  async wrongCode(sessionId: string, userId: string): Promise<number | null> {
    try {
      await this.limiter.consume(key(sessionId, userId));
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return seconds(rejection.msBeforeNext);
      // The durable count still closes the entry at the limit: a failing counter must not refuse the room.
      this.logger.warn({ err: rejection }, 'Counting a wrong check-in code failed');
      return null;
    }
  }

  /** Lets the person try again at once (a trainer reopened their entry). */
  async forget(sessionId: string, userId: string): Promise<void> {
    await this.limiter.delete(key(sessionId, userId));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }
}

const key = (sessionId: string, userId: string) => `${sessionId}:${userId}`;
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
