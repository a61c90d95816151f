import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JOB_QUEUE, JobName, JobPayloads } from '@cascade/contracts';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxMessage } from './outbox-message.entity';

@Injectable()
export class Outbox {
  /** Records a job inside the caller's transaction; the relay sends it to the queue after commit. */
  async enqueue<J extends JobName>(
    manager: EntityManager,
    jobName: J,
    payload: JobPayloads[J],
    options: { delayMs?: number } = {},
  ): Promise<string> {
    const row = manager.create(OutboxMessage, {
      id: randomUUID(),
      queue: JOB_QUEUE[jobName],
      jobName,
      payload: payload as unknown as Record<string, unknown>,
      availableAt: new Date(Date.now() + (options.delayMs ?? 0)),
    });
    // TypeORM's deep-partial type does not accept Record<string, unknown> for jsonb columns.
    await manager.getRepository(OutboxMessage).insert(row as QueryDeepPartialEntity<OutboxMessage>);
    return row.id;
  }

  /**
   * SQL that records one job per row of `source`, a CTE of the caller's statement with a
   * jsonb `payload` column: the change and its job then commit in one round trip.
   */
  static insertFrom(jobName: JobName, source: string): string {
    // Queue and job names are constants of the code, never input.
    return `INSERT INTO outbox (queue, job_name, payload) SELECT '${JOB_QUEUE[jobName]}', '${jobName}', payload FROM ${source} RETURNING id`;
  }

  /** As `enqueue`, for many jobs of one kind in one insert. */
  async enqueueMany<J extends JobName>(manager: EntityManager, jobName: J, payloads: JobPayloads[J][]): Promise<void> {
    if (payloads.length === 0) return;
    const now = new Date();
    const rows = payloads.map((payload) =>
      manager.create(OutboxMessage, {
        id: randomUUID(),
        queue: JOB_QUEUE[jobName],
        jobName,
        payload: payload as unknown as Record<string, unknown>,
        availableAt: now,
      }),
    );
    await manager.getRepository(OutboxMessage).insert(rows as QueryDeepPartialEntity<OutboxMessage>[]);
  }
}
