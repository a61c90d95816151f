import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobsOptions } from 'bullmq';
import { QueueRegistry } from './queue-registry';

export const OUTBOX_RELAY_INTERVAL = Symbol('OUTBOX_RELAY_INTERVAL');
export const OUTBOX_REDELIVER_AFTER = Symbol('OUTBOX_REDELIVER_AFTER');
/** A job handed over this many times without finishing is left to the queue's failed set. */
const MAX_DISPATCHES = 20;

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
}

const BATCH = 500;

export const JOB_DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs stay a while so a re-relayed outbox row with the same id is recognised as done.
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Moves committed outbox rows to the queue, using the row id as the job id, then marks
 * them dispatched. If the queue is unreachable the transaction rolls back and the rows
 * are tried again; a crash between adding and marking re-adds a job id the queue
 * already holds, which BullMQ ignores. Delayed rows stay in PostgreSQL until due.
 * A row dispatched but not finished after a while is handed over again: if the queue
 * lost it (a Redis restarted without its data) it runs again, idempotently; if the
 * queue still holds it, the add is ignored.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(OUTBOX_RELAY_INTERVAL) private readonly intervalMs: number,
    @Inject(OUTBOX_REDELIVER_AFTER) private readonly redeliverAfterMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch; returns how many rows were dispatched. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, queue, job_name, payload FROM outbox
          WHERE (dispatched_at IS NULL AND available_at <= now())
             OR (completed_at IS NULL AND dispatched_at < now() - make_interval(secs => $2::float8 / 1000) AND dispatch_attempts < $3)
          ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, this.redeliverAfterMs, MAX_DISPATCHES],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, PendingRow[]>();
      rows.forEach((row) => byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]));
      for (const [queue, batch] of byQueue) {
        // Bounded, so an unreachable queue never holds these row locks for long.
        await withTimeout(
          this.queues
            .get(queue)
            .addBulk(
              batch.map((row) => ({ name: row.job_name, data: row.payload, opts: { ...JOB_DEFAULTS, jobId: row.id } })),
            ),
          5000,
        );
      }
      await manager.query(
        `UPDATE outbox SET dispatched_at = now(), dispatch_attempts = dispatch_attempts + 1, last_error = NULL WHERE id = ANY($1)`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = this.intervalMs;
    try {
      const dispatched = await this.relayOnce();
      if (this.failures > 0) this.logger.log('Outbox relay recovered');
      this.failures = 0;
      if (dispatched === BATCH) next = 0;
    } catch (error) {
      this.failures += 1;
      next = Math.min(this.intervalMs * 2 ** this.failures, 10_000);
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn(
          { err: error, failures: this.failures },
          'Outbox relay failed; rows stay pending and are retried',
        );
      }
    }
    this.schedule(next);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
