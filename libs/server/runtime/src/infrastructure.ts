import { AppConfig } from '@cascade/server/config';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '@cascade/server/database';
import { QueueBackendSettings } from '@cascade/server/queue';
import { join } from 'node:path';

export interface Infrastructure {
  databaseUrl: string;
  embedded: boolean;
  queue: QueueBackendSettings;
  /** One line for the start log saying which mode is in use. */
  description: string;
  stop(): Promise<void>;
}

/**
 * Resolves where data and queue state live. Without DATABASE_URL an embedded PostgreSQL
 * keeps data in DATA_DIR; without REDIS_URL the queue runs on BullMQ's PostgreSQL backend
 * (its own embedded instance when the database is embedded, so queue polling never waits
 * behind application queries).
 */
export async function prepareInfrastructure(config: AppConfig): Promise<Infrastructure> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), EMBEDDED_POOL_SIZE + 2);
    stops.push(embedded.stop);
    databaseUrl = embedded.url;
  }
  let queue: QueueBackendSettings;
  if (config.queue.redisUrl) {
    queue = {
      kind: 'redis',
      url: config.queue.redisUrl,
      prefix: config.queue.prefix,
      jobLockMs: config.queue.jobLockMs,
    };
  } else if (config.database.mode === 'embedded') {
    // Every queue and worker holds its own connection (and workers a listening one): leave room for all.
    const embeddedQueue = await startEmbeddedPostgres(join(config.dataDir, 'queue'), 16, {
      searchPath: 'bullmq, public',
    });
    stops.push(embeddedQueue.stop);
    queue = {
      kind: 'postgres',
      url: embeddedQueue.url,
      embedded: true,
      prefix: config.queue.prefix,
      jobLockMs: config.queue.jobLockMs,
    };
  } else {
    queue = {
      kind: 'postgres',
      url: databaseUrl,
      embedded: false,
      prefix: config.queue.prefix,
      jobLockMs: config.queue.jobLockMs,
    };
  }
  const database =
    config.database.mode === 'embedded'
      ? `embedded PostgreSQL in ${join(config.dataDir, 'postgres')}`
      : 'PostgreSQL at DATABASE_URL';
  const queueText = queue.kind === 'redis' ? 'Redis at REDIS_URL' : 'the PostgreSQL queue backend';
  return {
    databaseUrl,
    embedded: config.database.mode === 'embedded',
    queue,
    description: `database: ${database}; queue: ${queueText}; process role: ${config.processRole}`,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}
