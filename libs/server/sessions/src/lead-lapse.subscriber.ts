import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TrainingPlan } from '@cascade/server/plans';
import { Outbox } from '@cascade/server/queue';
import { DataSource, EntitySubscriberInterface, ObjectLiteral, UpdateEvent } from 'typeorm';
import { LeadGate } from './lead-gate';
import { SessionTrainer } from './session-trainer.entity';
import { TrainingSession } from './training-session.entity';

const ENDED = ['revoked', 'expired'];

/**
 * When a qualification stops being valid (revoked, or expired by the sweep), the upcoming
 * sessions its holder leads need a new lead: their trainers are told, in the same transaction
 * as the change. The qualifications library depends on this one, so this one listens to the
 * write instead of being called.
 */
@Injectable()
export class LeadLapseSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly leadGate: LeadGate,
    private readonly outbox: Outbox,
  ) {
    dataSource.subscribers.push(this);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (event.metadata.tableName !== 'qualification' || !event.entity) return;
    const before = event.databaseEntity as { status?: string; userId?: string } | undefined;
    const after = { ...before, ...event.entity } as { status?: string; userId?: string };
    if (before?.status !== 'qualified' || !ENDED.includes(after.status ?? '') || !after.userId) return;
    const lapsed = await this.leadGate.lapsedLeads(event.manager, after.userId);
    for (const sessionId of [...new Set(lapsed.map((l) => l.sessionId))]) {
      const session = await event.manager.findOneByOrFail(TrainingSession, { id: sessionId });
      const trainers = await event.manager.findBy(SessionTrainer, { sessionId });
      const plan = await event.manager.findOneBy(TrainingPlan, { id: session.planId });
      // The plan's trainers too: someone who may name a new lead hears of it.
      const userIds = [...new Set([...trainers.map((t) => t.userId), ...(plan?.trainerIds ?? [])])];
      await this.outbox.enqueue(event.manager, 'session.notify', { sessionId, change: 'lead_lapsed', userIds });
    }
  }
}
