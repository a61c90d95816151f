import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AnswerSaved, AttemptView } from '@cascade/contracts';
import {
  ConflictError,
  currentActor,
  ForbiddenError,
  RequestContext,
  ScopedRepository,
  ScopeRules,
  UnprocessableError,
  ValidationFailedError,
} from '@cascade/server/core';
import { QuestionsService, QuestionVersion, toTraineeView, validateResponse } from '@cascade/server/questions';
import { Outbox } from '@cascade/server/queue';
import { isUUID } from 'class-validator';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { ExamsRepository } from './exams.repository';
import { Exam } from './exam.entity';
import { deadlineFor, resultsVisibleTo, windowFor } from './exam-window';

/** Answers arriving this long after the deadline still count: the network, not the trainee, was late. */
export const SAVE_GRACE_MS = 30_000;

@Injectable()
export class AttemptsRepository extends ScopedRepository<Attempt> {
  protected readonly alias = 'attempt';
  protected readonly entityName = 'Attempt';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId', selfColumn: 'userId' };

  constructor(@InjectRepository(Attempt) repository: Repository<Attempt>) {
    super(repository);
  }
}

@Injectable()
export class AttemptsService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly exams: ExamsRepository,
    private readonly questions: QuestionsService,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Starts an attempt, or resumes the open one: questions are drawn (by the blueprint) and
   * frozen, and the server fixes the deadline.
   */
  async start(examId: string): Promise<AttemptView> {
    const exam = await this.exams.findVisible(examId);
    const actor = currentActor();
    const now = new Date();
    const window = windowFor(exam, actor.userId);
    if (now < window.opensAt || now > window.closesAt) {
      throw new ConflictError(
        'EXAM_CLOSED',
        `The exam is open from ${window.opensAt.toISOString()} to ${window.closesAt.toISOString()}`,
        {
          opensAt: window.opensAt.toISOString(),
          closesAt: window.closesAt.toISOString(),
        },
      );
    }
    const attemptId = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `attempt:${exam.id}:${actor.userId}`,
      ]);
      const open = await manager.findOneBy(Attempt, { examId: exam.id, userId: actor.userId, status: 'in_progress' });
      if (open) return open.id;
      const taken = await manager.countBy(Attempt, { examId: exam.id, userId: actor.userId });
      if (taken >= exam.attemptsAllowed) {
        throw new ConflictError('NO_ATTEMPTS_LEFT', `All ${exam.attemptsAllowed} attempt(s) of this exam are used`, {
          attemptsAllowed: exam.attemptsAllowed,
        });
      }
      const attempt = await manager.save(
        manager.create(Attempt, {
          examId: exam.id,
          userId: actor.userId,
          organizationId: exam.organizationId,
          number: taken + 1,
          status: 'in_progress',
          startedAt: now,
          deadlineAt: deadlineFor(window, now),
        }),
      );
      await this.freezeQuestions(manager, exam, attempt);
      return attempt.id;
    });
    return this.get(attemptId);
  }

  async get(id: string): Promise<AttemptView> {
    const attempt = await this.attempts.findVisible(id);
    const [items, exam] = await Promise.all([
      this.dataSource.getRepository(AttemptItem).find({ where: { attemptId: attempt.id }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(Exam).findOneByOrFail({ id: attempt.examId }),
    ]);
    const visible = attempt.status === 'finalized' && resultsVisibleTo(exam, attempt.userId, currentActor().userId);
    const keys = visible ? await this.keysOf(items) : new Map<string, unknown>();
    return {
      id: attempt.id,
      examId: attempt.examId,
      examTitle: exam.title,
      userId: attempt.userId,
      number: attempt.number,
      status: attempt.status,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt.toISOString(),
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      resultsVisible: visible,
      score: visible ? attempt.score : null,
      maxScore: visible ? attempt.maxScore : null,
      percent: visible ? attempt.percent : null,
      passed: visible ? attempt.passed : null,
      serverNow: new Date().toISOString(),
      items: items.map((item) => ({
        position: item.position,
        question: item.view,
        response: item.response,
        seq: item.seq,
        savedAt: item.savedAt?.toISOString() ?? null,
        ...(visible
          ? { result: { score: item.score, comment: item.comment, key: keys.get(item.questionVersionId) ?? null } }
          : {}),
      })),
    };
  }

  /** The answer keys of the versions the items froze, for showing with a final result. */
  private async keysOf(items: AttemptItem[]): Promise<Map<string, unknown>> {
    const versions = await this.dataSource
      .getRepository(QuestionVersion)
      .find({ where: { id: In(items.map((i) => i.questionVersionId)) }, select: { id: true, key: true } });
    return new Map(versions.map((v) => [v.id, v.key]));
  }

  /**
   * Autosaves one answer. A save carrying a sequence number not above the stored one is
   * ignored, so a late, older save never overwrites a newer one. Durable once answered.
   */
  async saveAnswer(attemptId: string, questionId: string, response: unknown, seq: number): Promise<AnswerSaved> {
    const attempt = await this.ownOpenAttempt(attemptId);
    if (Date.now() > attempt.deadlineAt.getTime() + SAVE_GRACE_MS) {
      throw new ConflictError('DEADLINE_PASSED', `The deadline was ${attempt.deadlineAt.toISOString()}`, {
        deadlineAt: attempt.deadlineAt.toISOString(),
      });
    }
    const item = isUUID(questionId)
      ? await this.dataSource.getRepository(AttemptItem).findOneBy({ attemptId: attempt.id, questionId })
      : null;
    if (!item) {
      throw new UnprocessableError('QUESTION_NOT_IN_ATTEMPT', 'The question is not part of this attempt', [
        { field: 'questionId', message: 'is not part of this attempt' },
      ]);
    }
    const check = validateResponse(item.view.type, item.view.content as never, response);
    if (!check.ok) throw new ValidationFailedError(check.errors);
    // Wrapped in a CTE so the driver hands back the updated rows themselves.
    const updated: { seq: number }[] = await this.dataSource.query(
      `WITH saved AS (
         UPDATE attempt_item SET response = $3, seq = $4, saved_at = now()
          WHERE attempt_id = $1 AND question_id = $2 AND seq < $4 RETURNING seq
       ) SELECT seq FROM saved`,
      [attempt.id, questionId, JSON.stringify(check.value), seq],
    );
    if (updated.length) return { questionId, seq, applied: true };
    const current = await this.dataSource
      .getRepository(AttemptItem)
      .findOneByOrFail({ attemptId: attempt.id, questionId });
    return { questionId, seq: current.seq, applied: false };
  }

  /** Hands the attempt in and queues its grading in the same commit; submitting again changes nothing. */
  async submit(attemptId: string): Promise<AttemptView> {
    const attempt = await this.attempts.findVisible(attemptId);
    if (attempt.userId !== currentActor().userId)
      throw new ForbiddenError('Only the person taking the attempt may submit it');
    await this.dataSource.transaction(async (manager) => {
      const submitted: unknown[] = await manager.query(
        `WITH s AS (UPDATE attempt SET status = 'submitted', submitted_at = now() WHERE id = $1 AND status = 'in_progress' RETURNING id) SELECT id FROM s`,
        [attempt.id],
      );
      if (submitted.length) await this.outbox.enqueue(manager, 'attempt.grade', { attemptId: attempt.id });
    });
    return this.get(attempt.id);
  }

  private async ownOpenAttempt(attemptId: string): Promise<Attempt> {
    const attempt = await this.attempts.findVisible(attemptId);
    if (attempt.userId !== currentActor().userId)
      throw new ForbiddenError('Only the person taking the attempt may answer');
    if (attempt.status !== 'in_progress') {
      throw new ConflictError('ATTEMPT_SUBMITTED', 'The attempt has been submitted', { currentStatus: attempt.status });
    }
    return attempt;
  }

  private async freezeQuestions(manager: EntityManager, exam: Exam, attempt: Attempt): Promise<void> {
    const drawn = exam.questionIds ?? (await this.draw(manager, exam));
    // The bank is staff-only; the attempt reads it on the trainee's behalf.
    const versions = await RequestContext.runAsSystem(() => this.questions.freezeForAttempt(drawn, manager));
    const byId = new Map(versions.map((v) => [v.questionId, v]));
    const order = exam.shuffleQuestions ? seededShuffle(drawn, attempt.id) : drawn;
    const drawnCell = new Map<string, string>();
    if (exam.blueprint) {
      const cells: { id: string; business_process: string; difficulty: number }[] = await manager.query(
        `SELECT id, business_process, difficulty FROM question WHERE id = ANY($1::uuid[])`,
        [drawn],
      );
      cells.forEach((c) => drawnCell.set(c.id, `${c.business_process}|${c.difficulty}`));
    }
    // A blueprint row may set the points of the questions it draws.
    const pointsOf = (questionId: string) => {
      const row = exam.blueprint?.find(
        (r) => r.points !== null && drawnCell.get(questionId) === `${r.businessProcess}|${r.difficulty}`,
      );
      return row?.points ?? byId.get(questionId)!.points;
    };
    await manager.getRepository(AttemptItem).insert(
      order.map((questionId, position) => {
        const version = byId.get(questionId)!;
        return {
          attemptId: attempt.id,
          questionId,
          position,
          questionVersionId: version.id,
          points: pointsOf(questionId),
          // TypeORM's deep-partial type does not accept a union-typed jsonb value.
          view: {
            ...toTraineeView({ ...version, questionId: version.questionId }, attempt.id),
            points: pointsOf(questionId),
          } as never,
        };
      }),
    );
  }

  /** Random active questions for each blueprint cell. */
  private async draw(manager: EntityManager, exam: Exam): Promise<string[]> {
    const ids: string[] = [];
    for (const row of exam.blueprint ?? []) {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM question WHERE organization_id = $1 AND status = 'active' AND business_process = $2 AND difficulty = $3
          ORDER BY random() LIMIT $4`,
        [exam.organizationId, row.businessProcess, row.difficulty, row.count],
      );
      if (rows.length < row.count) {
        throw new ConflictError(
          'BLUEPRINT_SHORT',
          `The bank no longer holds ${row.count} active questions of ${row.businessProcess} at difficulty ${row.difficulty}`,
        );
      }
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }
}

/** The same order for the same attempt, a different one for the next. */
function seededShuffle<T>(items: T[], seed: string): T[] {
  return items
    .map((item, i) => ({ item, rank: createHash('sha256').update(`${seed}:${i}`).digest().readUInt32BE(0) }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.item);
}
