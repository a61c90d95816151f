import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@cascade/server/notifications';
import { QuestionVersion } from '@cascade/server/questions';
import { JobHandlers } from '@cascade/server/queue';
import { DataSource, In } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { Exam } from './exam.entity';
import { scoreAgainst } from './attempt-scoring';
import { AttemptSettlement } from './attempt-settlement';
import { resultsVisibleTo } from './exam-window';

/**
 * `attempt.grade` grades a submitted attempt's objective answers against the frozen keys.
 * Essays wait for a trainer (needs_review); with nothing pending the attempt is final and
 * the result goes out. Idempotent: an item is graded once, an attempt finalised once.
 */
@Injectable()
export class GradingHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly notifications: NotificationsService,
    private readonly settlement: AttemptSettlement,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('attempt.grade', ({ attemptId }) => this.grade(attemptId));
    this.handlers.register('attempt.result', ({ attemptId }, { jobId }) => this.tellResult(attemptId, jobId));
  }

  async grade(attemptId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const attempt = await manager.findOne(Attempt, { where: { id: attemptId }, lock: { mode: 'pessimistic_write' } });
      if (!attempt || attempt.status !== 'submitted') return;
      const items = await manager.find(AttemptItem, { where: { attemptId } });
      const versions = await manager.find(QuestionVersion, {
        where: { id: In(items.map((i) => i.questionVersionId)) },
      });
      const versionOf = new Map(versions.map((v) => [v.id, v]));
      const now = new Date();
      const ungraded = items.filter((i) => i.score === null && !i.needsReview);
      for (const item of ungraded) {
        const score = scoreAgainst(versionOf.get(item.questionVersionId)!, item);
        if (score === null) item.needsReview = true;
        else Object.assign(item, { score, gradedAt: now });
      }
      // One statement for all items: a room's submissions are graded in seconds, not a round trip per answer.
      if (ungraded.length) {
        await manager.query(
          `UPDATE attempt_item i SET score = g.score, needs_review = g.needs_review, graded_at = g.graded_at
             FROM jsonb_to_recordset($2::jsonb) AS g(question_id uuid, score numeric, needs_review boolean, graded_at timestamptz)
            WHERE i.attempt_id = $1 AND i.question_id = g.question_id`,
          [
            attemptId,
            JSON.stringify(
              ungraded.map((i) => ({
                question_id: i.questionId,
                score: i.score,
                needs_review: i.needsReview,
                graded_at: i.gradedAt,
              })),
            ),
          ],
        );
      }
      await this.settlement.settle(manager, attempt, items);
    });
  }

  private async tellResult(attemptId: string, jobId: string): Promise<void> {
    const rows: {
      user_id: string;
      organization_id: string;
      locale: 'zh-CN' | 'en';
      exam_id: string;
      percent: string;
      passed: boolean;
    }[] = await this.dataSource.query(
      `SELECT a.user_id, u.organization_id, u.locale, a.exam_id, a.percent, a.passed
           FROM attempt a JOIN app_user u ON u.id = a.user_id
          WHERE a.id = $1 AND a.status = 'finalized'`,
      [attemptId],
    );
    const row = rows[0];
    if (!row) return;
    const exam = await this.dataSource.getRepository(Exam).findOneByOrFail({ id: row.exam_id });
    // The message tells no more than the attempt page would show the trainee now.
    const outcome = resultsVisibleTo(exam, row.user_id, row.user_id)
      ? row.passed
        ? 'passed'
        : 'failed'
      : exam.showResults === 'never'
        ? 'withheld'
        : 'after_close';
    await this.notifications.notify(
      'exam.result_final',
      [row.user_id],
      { title: exam.title, percent: String(Number(row.percent)), outcome },
      {
        key: jobId,
        link: `/attempts/${attemptId}`,
        organizationId: exam.organizationId,
        // The client's own systems may know the score even while the trainee waits for the close.
        data: {
          attemptId,
          exam: { id: exam.id, title: exam.title, kind: exam.kind },
          userId: row.user_id,
          percent: Number(row.percent),
          passed: row.passed,
        },
      },
    );
  }
}
