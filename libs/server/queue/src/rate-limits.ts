import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { QueueConnection } from './queue-connection';

/** Where the PostgreSQL store keeps every limit's counters (created by a migration). */
export const RATE_LIMIT_TABLE = 'rate_limit';

export interface RateLimit {
  /** Names the counters (keys are `<prefix>:<name>:<key>`). */
  name: string;
  /** What may be spent within the window. */
  points: number;
  windowSeconds: number;
}

/** One limit, counted in the same store by every api replica. */
export class Limiter {
  constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly points: number,
    private readonly logger: Logger,
  ) {}

  /**
   * Spends `points` for the key: the seconds to wait when that went over the limit, else null.
   * A failing store never refuses anyone; it is logged.
   */
  async take(key: string, points = 1): Promise<number | null> {
    try {
      await this.limiter.consume(key, points);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return seconds(rejection.msBeforeNext);
      this.logger.warn({ err: rejection }, 'Counting against a rate limit failed');
      return null;
    }
  }

  /** Counts one for the key and says how many it has counted within the window (0 if the store failed). */
  async count(key: string): Promise<number> {
    try {
      return (await this.limiter.consume(key)).consumedPoints;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection.consumedPoints;
      this.logger.warn({ err: rejection }, 'Counting against a rate limit failed');
      return 0;
    }
  }

  /** Refuses the key for `seconds` from now. */
  async block(key: string, seconds: number): Promise<void> {
    await this.limiter
      .block(key, seconds)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Blocking failed'));
  }

  /** The seconds to wait when the key has spent its points already, else null; spends nothing. */
  async retryAfter(key: string): Promise<number | null> {
    try {
      const state = await this.limiter.get(key);
      return state && state.consumedPoints >= this.points ? seconds(state.msBeforeNext) : null;
    } catch (error) {
      this.logger.warn({ err: error }, 'Reading a rate limit failed');
      return null;
    }
  }

  /** Starts the key afresh (a success that ends a run of failures, a trainer reopening an entry). */
  async forget(key: string): Promise<void> {
    await this.limiter.delete(key).catch((error: unknown) => this.logger.warn({ err: error }, 'Forgetting failed'));
  }
}

/**
 * Rate limits that hold across api replicas: counted in Redis when it is configured (with
 * memory as insurance while it is unreachable), otherwise in PostgreSQL, as the queue is.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private redis: Redis | null = null;

  constructor(
    private readonly queue: QueueConnection,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The prefix of a limit's keys in the store. */
  keyPrefix(name: string): string {
    return `${this.queue.settings.prefix}:${name}`;
  }

  limiter({ name, points, windowSeconds }: RateLimit): Limiter {
    const options = { keyPrefix: this.keyPrefix(name), points, duration: windowSeconds };
    const { settings } = this.queue;
    const store =
      settings.kind === 'redis'
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redisFor(settings.url),
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterPostgres({
            ...options,
            storeClient: this.dataSource,
            storeType: 'typeorm',
            tableName: RATE_LIMIT_TABLE,
            tableCreated: true,
          });
    return new Limiter(store, points, this.logger);
  }

  /** One connection for every limit; it connects on first use (a worker process never does). */
  private redisFor(url: string): Redis {
    if (!this.redis) {
      // A command waits for one reconnect at most, after which the insurance counts in memory.
      this.redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
      // The queue reports a Redis outage; here it only means counting in memory for a while.
      this.redis.on('error', () => undefined);
    }
    return this.redis;
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
