import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@cascade/server/notifications';
import { JobHandlers } from '@cascade/server/queue';
import { DataSource, EntityManager } from 'typeorm';
import { Exam } from './exam.entity';

/**
 * `exam.assigned`, queued whenever an exam is saved with assignees: everyone assigned who was
 * not told before (no inbox item for this exam yet) is told now, and the client's webhooks
 * hear who was newly assigned. Running it again tells nobody twice.
 */
@Injectable()
export class ExamAssignedHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('exam.assigned', ({ examId }, { jobId }) => this.tell(examId, jobId));
  }

  async tell(examId: string, jobId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const exam = await manager.findOneBy(Exam, { id: examId });
      if (!exam) return;
      const key = `exam.assigned:${exam.id}`;
      const assigned = await assignedUserIds(manager, exam);
      if (assigned.length === 0) return;
      const told = new Set(
        (
          await manager.query(`SELECT user_id FROM notification WHERE dedupe_key = ANY($1::text[])`, [
            assigned.map((id) => `${key}:${id}`),
          ])
        ).map((r: { user_id: string }) => r.user_id),
      );
      const fresh = assigned.filter((id) => !told.has(id));
      if (fresh.length === 0) return;
      const timeZone = await examTimeZone(manager, exam);
      await this.notifications.notify(
        'exam.assigned',
        fresh,
        { title: exam.title },
        {
          key,
          varsFor: (person) => {
            const format = new Intl.DateTimeFormat(person.locale, {
              timeZone,
              dateStyle: 'medium',
              timeStyle: 'short',
            });
            return { opens: format.format(exam.opensAt), closes: format.format(exam.closesAt) };
          },
          link: '/me/exams',
          manager,
        },
      );
      // The webhook hears of each batch of new assignees once: keyed by this job, not by person.
      await this.notifications.notify(
        'exam.assigned',
        [],
        {},
        {
          key: jobId,
          organizationId: exam.organizationId,
          data: {
            exam: {
              id: exam.id,
              title: exam.title,
              kind: exam.kind,
              opensAt: exam.opensAt.toISOString(),
              closesAt: exam.closesAt.toISOString(),
            },
            userIds: fresh,
          },
          manager,
        },
      );
    });
  }
}

/** Everyone the exam is assigned to: by name, and through its session or plan when it says so. */
async function assignedUserIds(manager: EntityManager, exam: Exam): Promise<string[]> {
  const rows: { user_id: string }[] = await manager.query(
    `SELECT DISTINCT user_id FROM (
       SELECT unnest($1::uuid[]) AS user_id
       UNION SELECT e.user_id FROM session_enrollment e
              WHERE $2 AND e.session_id = $3 AND e.status <> 'declined'
       UNION SELECT pt.user_id FROM plan_target pt WHERE $4 AND pt.plan_id = $5
       UNION SELECT e.user_id FROM training_session s JOIN session_enrollment e ON e.session_id = s.id
              WHERE $4 AND s.plan_id = $5 AND e.status <> 'declined'
     ) assigned ORDER BY user_id`,
    [
      exam.assignees.userIds,
      exam.assignees.sessionEnrollees && exam.sessionId !== null,
      exam.sessionId,
      exam.assignees.planTrainees && exam.planId !== null,
      exam.planId,
    ],
  );
  return rows.map((r) => r.user_id);
}

/** Exams keep no time zone of their own: their session's, else the first of their plan's sessions. */
async function examTimeZone(manager: EntityManager, exam: Exam): Promise<string> {
  const [row]: { time_zone: string }[] = await manager.query(
    `SELECT time_zone FROM training_session WHERE id = $1 OR plan_id = $2 ORDER BY (id = $1) DESC, starts_at LIMIT 1`,
    [exam.sessionId, exam.planId],
  );
  return row?.time_zone ?? 'Asia/Shanghai';
}
