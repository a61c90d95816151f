import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TypedQuestionBody } from '@cascade/contracts';
import { NotificationsService } from '@cascade/server/notifications';
import { gradeResponse, QuestionVersion } from '@cascade/server/questions';
import { JobHandlers, Outbox } from '@cascade/server/queue';
import { DataSource, In } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { Exam } from './exam.entity';
import { resultsVisibleTo } from './exam-window';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * `attempt.grade` grades a submitted attempt's objective answers against the frozen keys.
 * Essays wait for a trainer (needs_review); with nothing pending the attempt is final and
 * the result goes out. Idempotent: an item is graded once, an attempt finalised once.
 */
@Injectable()
export class GradingHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationsService,
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
      for (const item of items.filter((i) => i.score === null && !i.needsReview)) {
        const version = versionOf.get(item.questionVersionId)!;
        const body = { type: version.type, content: version.content, key: version.key } as TypedQuestionBody;
        const result = gradeResponse({ ...body, points: Number(item.points) }, item.response);
        if (result === null) item.needsReview = true;
        else Object.assign(item, { score: round2(result.score), gradedAt: now });
        await manager.save(item);
      }
      if (items.some((i) => i.needsReview && i.score === null)) {
        attempt.status = 'needs_review';
        await manager.save(attempt);
        return;
      }
      const exam = await manager.findOneByOrFail(Exam, { id: attempt.examId });
      const score = round2(items.reduce((sum, i) => sum + Number(i.score ?? 0), 0));
      const maxScore = round2(items.reduce((sum, i) => sum + Number(i.points), 0));
      const percent = maxScore > 0 ? round2((score / maxScore) * 100) : 0;
      Object.assign(attempt, {
        status: 'finalized',
        score,
        maxScore,
        percent,
        passed: percent >= exam.passPercent,
        finalizedAt: now,
      });
      await manager.save(attempt);
      await this.outbox.enqueue(manager, 'attempt.result', { attemptId });
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
    await this.notifications.deliverToInbox(
      { id: row.user_id, organizationId: row.organization_id, locale: row.locale },
      'exam_result',
      { title: exam.title, percent: String(Number(row.percent)), outcome },
      `${jobId}:${row.user_id}`,
      `/attempts/${attemptId}`,
    );
  }
}
