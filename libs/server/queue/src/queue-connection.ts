import {
  BackendFactory,
  createPostgresBackend,
  IQueueBackend,
  Job,
  Queue,
  QueueOptions,
  Worker,
  WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';

/**
 * Where queue state lives: Redis when configured, otherwise BullMQ's PostgreSQL backend
 * (the embedded default). Everything else in Cascade is unaware of the difference.
 */
export type QueueBackendSettings = { prefix: string; jobLockMs?: number } & (
  { kind: 'redis'; url: string } | { kind: 'postgres'; url: string; embedded: boolean }
);

export class QueueConnection {
  constructor(readonly settings: QueueBackendSettings) {}

  private connection(): unknown {
    if (this.settings.kind === 'redis') {
      return { url: this.settings.url, maxRetriesPerRequest: null, enableOfflineQueue: true };
    }
    return {
      connectionString: this.settings.url,
      schema: 'bullmq',
      migrate: true,
      // The embedded database serves one query at a time; more connections only queue.
      max: this.settings.embedded ? 1 : 5,
    };
  }

  private factory(): BackendFactory<IQueueBackend, unknown> | undefined {
    return this.settings.kind === 'postgres'
      ? (createPostgresBackend as unknown as BackendFactory<IQueueBackend, unknown>)
      : undefined;
  }

  /**
   * The queues this backend actually runs. The embedded queue database is one PGlite session
   * that every connection shares, so there all jobs travel one queue: fewer connections,
   * fewer chances for their statements to interleave. Handlers dispatch by job name either way.
   */
  physicalQueue(name: string): string {
    return this.settings.kind === 'postgres' && this.settings.embedded ? 'cascade' : name;
  }

  createQueue(name: string, options: Omit<QueueOptions, 'connection'> = {}): Queue {
    return new Queue(
      name,
      { ...options, prefix: this.settings.prefix, connection: this.connection() } as QueueOptions,
      this.factory() as never,
    );
  }

  createWorker(
    name: string,
    processor: (job: Job) => Promise<unknown>,
    options: Omit<WorkerOptions, 'connection'> = {},
  ): Worker {
    const pollingDefaults = this.settings.kind === 'postgres' && this.settings.embedded ? { drainDelay: 1 } : {};
    // A job whose worker died is taken over once its claim lapses, checked as often.
    const { jobLockMs } = this.settings;
    const claim = jobLockMs ? { lockDuration: jobLockMs, stalledInterval: jobLockMs } : {};
    return new Worker(
      name,
      processor,
      {
        ...pollingDefaults,
        ...claim,
        ...options,
        prefix: this.settings.prefix,
        connection: this.connection(),
      } as WorkerOptions,
      this.factory() as never,
    );
  }

  /**
   * An evicting Redis silently drops queue keys under memory pressure, losing jobs.
   * Refuse to run on one rather than find out later.
   */
  async assertSafeForQueues(): Promise<void> {
    if (this.settings.kind !== 'redis') return;
    const redis = new Redis(this.settings.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
      if (policy !== 'noeviction') {
        throw new RedisEvictionPolicyError(policy);
      }
    } finally {
      redis.disconnect();
    }
  }
}

export class RedisEvictionPolicyError extends Error {
  constructor(policy: string) {
    super(
      `Redis maxmemory-policy is "${policy}". Cascade keeps queued jobs in Redis and an evicting policy ` +
        `would silently drop them: set maxmemory-policy to noeviction (CONFIG SET maxmemory-policy noeviction).`,
    );
    this.name = 'RedisEvictionPolicyError';
  }
}
