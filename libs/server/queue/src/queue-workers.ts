import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QUEUES } from '@cascade/contracts';
import { RequestContext } from '@cascade/server/core';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobHandlers } from './job-handlers';
import { QueueConnection } from './queue-connection';

/** One BullMQ worker per queue, dispatching each job to the handler its domain registered. */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly connection: QueueConnection,
    private readonly handlers: JobHandlers,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.assertSafeForQueues();
    for (const queue of new Set(Object.values(QUEUES).map((name) => this.connection.physicalQueue(name)))) {
      const worker = this.connection.createWorker(queue, (job) => this.process(job), { concurrency: 16 });
      worker.on('failed', (job, error) =>
        this.logger.warn({ err: error, jobId: job?.id, jobName: job?.name, attempts: job?.attemptsMade }, 'Job failed'),
      );
      worker.on('error', (error) => this.logger.warn({ err: error, queue }, 'Queue worker error'));
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close().catch(() => undefined)));
  }

  private async process(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    await RequestContext.runAsSystem(() =>
      handler(job.data, { jobId: String(job.id), attemptsMade: job.attemptsMade }),
    );
    // Finished: the relay stops handing this job over.
    await this.dataSource.query('UPDATE outbox SET completed_at = now() WHERE id = $1 AND completed_at IS NULL', [
      job.id,
    ]);
  }
}
