import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  AnswerSaved,
  AttemptView,
  ExamProblemCode,
  MyExamView,
  QuestionType,
  ScenarioSnapshot,
  TraineeQuestionView,
} from '@cascade/contracts';
import {
  assertMay,
  ConflictError,
  currentActor,
  ForbiddenError,
  isOnlyTrainee,
  may,
  RequestContext,
  ScopedRepository,
  ScopeRules,
  UnauthorizedError,
  UnprocessableError,
  ValidationFailedError,
} from '@cascade/server/core';
import {
  FrozenQuestion,
  QuestionsService,
  QuestionVersion,
  seededShuffle,
  toTraineeView,
  validateResponse,
} from '@cascade/server/questions';
import { UsersRepository } from '@cascade/server/identity';
import { Outbox } from '@cascade/server/queue';
import { isUUID } from 'class-validator';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { ExamsRepository } from './exams.repository';
import { toExamView } from './exams.service';
import { Exam } from './exam.entity';
import { ExamResultsRepository } from './exam-results.repository';
import { answersVisibleTo, AttemptStanding, deadlineFor, resultsVisibleTo, windowFor } from './exam-window';

/** How long an exam read for a start is reused for the next starts. */
const RECENT_EXAM_MS = 2_000;
/** How long a used question version is trusted from memory, and how many are kept. */
const VERSION_CACHE_MS = 60_000;
const VERSIONS_KEPT = 20_000;

interface VersionRow {
  version: number;
  type: QuestionType;
  stem: string;
  content: unknown;
  key: unknown;
  points: string;
  scenario: ScenarioSnapshot | null;
  used_at: Date | string | null;
}

/** A drawn question's current version, and the blueprint cell that drew it. */
type DrawnVersion = Omit<FrozenQuestion, 'content' | 'key'> & {
  content: unknown;
  key: unknown;
  versionId: string;
  cell: number | null;
  usedAt: Date | string | null;
};

/** An item as read for a view: by a query, or as JSON from the statement that handed the attempt in. */
interface ItemRow {
  question_id: string;
  position: number;
  points: string | number;
  response: unknown;
  seq: number;
  saved_at: Date | string | null;
  score: string | number | null;
  comment: string | null;
  question_version_id: string;
}

const ITEM_ROWS = `SELECT question_id, position, points, response, seq, saved_at, score, comment, question_version_id
  FROM attempt_item`;

/** A question an exam can draw, with its current version and the blueprint cell it fills. */
interface Candidate {
  cell: number | null;
  version_id: string;
  question_id: string;
  used_at: Date | null;
}

/** `count` of `items` chosen at random, in random order. */
function randomSample<T>(items: T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

/** What an answer is checked against: the question's type and content. */
type ShapeOf = { type: QuestionType; content: unknown };

type ViewItem = Pick<
  AttemptItem,
  'position' | 'response' | 'seq' | 'savedAt' | 'score' | 'comment' | 'questionVersionId'
> & { view: TraineeQuestionView };

/** Answers arriving this long after the deadline still count: the network, not the trainee, was late. */
export const SAVE_GRACE_MS = 30_000;
/** Frozen questions kept in memory for autosave: enough for a room of 1,000 taking a 40-question exam. */
const FROZEN_VIEWS_KEPT = 50_000;

@Injectable()
export class AttemptsRepository extends ScopedRepository<Attempt> {
  protected readonly alias = 'attempt';
  protected readonly entityName = 'Attempt';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId', selfColumn: 'userId' };

  constructor(@InjectRepository(Attempt) repository: Repository<Attempt>) {
    super(repository);
  }

  /** How far along one person is with one exam: every attempt they started, counted by status. */
  async standingOf(examId: string, userId: string): Promise<AttemptStanding> {
    const [row]: AttemptStanding[] = await this.repository.query(
      `SELECT count(*)::int AS attempts,
              count(*) FILTER (WHERE status = 'in_progress')::int AS open,
              count(*) FILTER (WHERE status = 'finalized')::int AS finalized
         FROM attempt WHERE exam_id = $1 AND user_id = $2`,
      [examId, userId],
    );
    return row;
  }
}

/** What a reader gets of a finished attempt. */
interface Disclosure {
  /** Score, percent and pass or fail. */
  results: boolean;
  /** Each answer's marks and the trainer's comments. */
  answers: boolean;
  /** The answer keys with them. */
  keys: boolean;
}

const NOTHING: Disclosure = { results: false, answers: false, keys: false };

@Injectable()
export class AttemptsService {
  private readonly recentExams = new Map<string, { exam: Exam; until: number }>();
  private readonly recentPools = new Map<string, { pool: Candidate[]; until: number }>();
  private readonly versionCache = new Map<string, { row: VersionRow; at: number }>();
  private readonly frozenViews = new Map<string, ShapeOf>();

  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly exams: ExamsRepository,
    private readonly questions: QuestionsService,
    private readonly results: ExamResultsRepository,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Starts an attempt, or resumes the open one: questions are drawn (by the blueprint) and
   * frozen, and the server fixes the deadline.
   */
  async start(examId: string): Promise<AttemptView> {
    const exam = await this.examToStart(examId);
    const actor = currentActor();
    // Only the people an exam is assigned to sit it, whatever their roles. A trainee finds only
    // the exams assigned to them; anyone else who can read the exam is told why they may not sit it.
    if (!isOnlyTrainee() && !(await this.isAssigned(exam, actor.userId)))
      throw new ForbiddenError('This exam is not assigned to you', 'EXAM_NOT_ASSIGNED' satisfies ExamProblemCode);
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
    const attempt = this.dataSource.getRepository(Attempt).create({
      id: randomUUID(),
      examId: exam.id,
      userId: actor.userId,
      organizationId: exam.organizationId,
      status: 'in_progress',
      startedAt: now,
      deadlineAt: deadlineFor(window, now),
      submittedAt: null,
      score: null,
      maxScore: null,
      percent: null,
      passed: null,
      finalizedAt: null,
    });
    const drawn = await this.draw(exam);
    // Used versions never change, so when every drawn question's current version is used the
    // attempt is created in one statement; otherwise the versions are frozen under lock first.
    const items = drawn.every((d) => d.usedAt !== null)
      ? await this.create(this.dataSource.manager, exam, attempt, drawn)
      : await this.dataSource.transaction(async (manager) => {
          const ids = drawn.map((d) => d.questionId);
          // The bank is staff-only; the attempt reads it on the trainee's behalf.
          const versions = await RequestContext.runAsSystem(() => this.questions.freezeForAttempt(ids, manager));
          const cellOf = new Map(drawn.map((d) => [d.questionId, d.cell]));
          return this.create(
            manager,
            exam,
            attempt,
            versions.map((v) => ({ ...v, versionId: v.id, cell: cellOf.get(v.questionId) ?? null, usedAt: v.usedAt })),
          );
        });
    if (items) return this.view(attempt, exam, items, NOTHING);
    const open = await this.dataSource.getRepository(Attempt).findOneBy({
      examId: exam.id,
      userId: actor.userId,
      status: 'in_progress',
    });
    if (open) return this.get(open.id);
    throw new ConflictError('NO_ATTEMPTS_LEFT', `All ${exam.attemptsAllowed} attempt(s) of this exam are used`, {
      attemptsAllowed: exam.attemptsAllowed,
    });
  }

  /**
   * The exam, as findVisible would give it. A room starting together asks for the same exam a
   * thousand times in a few seconds, so it is kept for two seconds; whether this person may
   * see it is still decided for each of them (in memory where it can be, otherwise by query).
   */
  private async examToStart(examId: string): Promise<Exam> {
    const cached = this.recentExams.get(examId);
    if (cached && cached.until > Date.now() && this.exams.visibleInMemory(cached.exam) === true) return cached.exam;
    const exam = await this.exams.findVisible(examId);
    if (this.recentExams.size >= 1000) this.recentExams.clear();
    this.recentExams.set(exam.id, { exam, until: Date.now() + RECENT_EXAM_MS });
    return exam;
  }

  private async isAssigned(exam: Exam, userId: string): Promise<boolean> {
    return exam.assignees.userIds.includes(userId) || this.results.isAssigned(exam, userId);
  }

  /**
   * Inserts the attempt and its frozen items in one statement, or nothing (null) when the
   * person has an open attempt already (the partial unique index on open attempts decides
   * between simultaneous starts) or has used every attempt allowed.
   */
  private async create(
    runner: EntityManager,
    exam: Exam,
    attempt: Attempt,
    drawn: DrawnVersion[],
  ): Promise<ViewItem[] | null> {
    const order = exam.shuffleQuestions ? seededShuffle(drawn, `questions:${attempt.id}`) : drawn;
    const items = order.map((version, position) => {
      // A blueprint row may set the points of the questions it draws.
      const points = (version.cell !== null ? exam.blueprint?.[version.cell]?.points : null) ?? version.points;
      return {
        question_id: version.questionId,
        position,
        question_version_id: version.versionId,
        points,
        view: {
          ...toTraineeView(version as FrozenQuestion, { sitting: attempt.id, shuffleOptions: exam.shuffleOptions }),
          points,
        } as TraineeQuestionView,
        type: version.type,
        content: version.content,
      };
    });
    const [row]: { number: number }[] = await runner.query(
      `WITH created AS (
         INSERT INTO attempt (id, exam_id, user_id, organization_id, number, status, started_at, deadline_at)
         SELECT $1, $2, $3, $4, taken + 1, 'in_progress', $5, $6
           FROM (SELECT count(*)::int AS taken FROM attempt WHERE exam_id = $2 AND user_id = $3) t
          WHERE taken < $7
         ON CONFLICT (exam_id, user_id) WHERE status = 'in_progress' DO NOTHING
         RETURNING id, number
       ), frozen AS (
         INSERT INTO attempt_item (attempt_id, question_id, position, question_version_id, points)
         SELECT c.id, i.question_id, i.position, i.question_version_id, i.points
           FROM created c,
                jsonb_to_recordset($8::jsonb) AS i(question_id uuid, position int, question_version_id uuid, points numeric)
       )
       SELECT number FROM created`,
      [
        attempt.id,
        exam.id,
        attempt.userId,
        exam.organizationId,
        attempt.startedAt,
        attempt.deadlineAt,
        exam.attemptsAllowed,
        // Only the references: the trainee's view follows from the frozen version and the attempt.
        JSON.stringify(items.map(({ view: _view, type: _type, content: _content, ...item }) => item)),
      ],
    );
    if (!row) return null;
    attempt.number = row.number;
    // The first save of each answer then needs no read.
    for (const item of items)
      this.rememberShape(`${attempt.userId}:${attempt.id}:${item.question_id}`, {
        type: item.type,
        content: item.content,
      });
    return items.map((item) => ({
      position: item.position,
      view: item.view,
      response: null,
      seq: 0,
      savedAt: null,
      score: null,
      comment: null,
      questionVersionId: item.question_version_id,
    }));
  }

  /**
   * The exam's questions with their current versions, in one query: the fixed list in order,
   * or random active questions for each blueprint cell.
   */
  private async draw(exam: Exam): Promise<DrawnVersion[]> {
    const pool = await this.candidates(exam);
    let rows: Candidate[];
    if (exam.questionIds) {
      rows = pool;
      if (rows.length !== exam.questionIds.length)
        throw new ConflictError('QUESTION_GONE', 'A question of this exam no longer exists');
    } else {
      const blueprint = exam.blueprint ?? [];
      rows = blueprint.flatMap((row, cell) => {
        const inCell = pool.filter((c) => c.cell === cell);
        if (inCell.length < row.count) {
          throw new ConflictError(
            'BLUEPRINT_SHORT',
            `The bank no longer holds ${row.count} active questions of ${row.businessProcess} at difficulty ${row.difficulty}`,
          );
        }
        return randomSample(inCell, row.count);
      });
    }
    const versions = await this.versionsById(rows.map((r) => r.version_id));
    return rows.map((r) => {
      const v = versions.get(r.version_id)!;
      return {
        cell: r.cell,
        versionId: r.version_id,
        questionId: r.question_id,
        version: v.version,
        type: v.type,
        stem: v.stem,
        content: v.content,
        key: v.key,
        points: Number(v.points),
        scenario: v.scenario,
        usedAt: r.used_at,
      };
    });
  }

  /**
   * What the exam can draw from: its fixed list, or every active question of each blueprint
   * cell, with current versions. Kept two seconds for the room starting together once every
   * version is used (then nothing in it can change but the bank's membership, which the
   * next read picks up); keyed by the exam's last change, so an edited exam is read afresh.
   */
  private async candidates(exam: Exam): Promise<Candidate[]> {
    const key = `${exam.id}:${exam.updatedAt.getTime()}`;
    const cached = this.recentPools.get(key);
    if (cached && cached.until > Date.now()) return cached.pool;
    const columns = `v.id AS version_id, v.question_id, v.used_at`;
    const pool: Candidate[] = exam.questionIds
      ? await this.dataSource.query(
          `SELECT NULL::int AS cell, ${columns}
             FROM unnest($1::uuid[]) WITH ORDINALITY AS l(id, ord)
             JOIN question q ON q.id = l.id
             JOIN question_version v ON v.question_id = q.id AND v.version = q.version
            ORDER BY l.ord`,
          [exam.questionIds],
        )
      : await this.dataSource.query(
          `SELECT c.cell, ${columns}
             FROM jsonb_to_recordset($2::jsonb) AS c(cell int, business_process text, difficulty int)
             JOIN question q ON q.organization_id = $1 AND q.status = 'active'
                            AND q.business_process = c.business_process AND q.difficulty = c.difficulty
             JOIN question_version v ON v.question_id = q.id AND v.version = q.version
            ORDER BY c.cell, q.id`,
          [
            exam.organizationId,
            JSON.stringify(
              (exam.blueprint ?? []).map((row, cell) => ({
                cell,
                business_process: row.businessProcess,
                difficulty: row.difficulty,
              })),
            ),
          ],
        );
    if (pool.every((c) => c.used_at !== null)) {
      if (this.recentPools.size >= 1000) this.recentPools.clear();
      this.recentPools.set(key, { pool, until: Date.now() + RECENT_EXAM_MS });
    }
    return pool;
  }

  /**
   * Question versions by id. Used versions never change (but for a corrected key, which the
   * trainee's view never reads), so they are kept in memory a while: a room starting one exam
   * reads its bank once, not once per person.
   */
  private async versionsById(ids: string[]): Promise<Map<string, VersionRow>> {
    const now = Date.now();
    const found = new Map<string, VersionRow>();
    for (const id of ids) {
      const cached = this.versionCache.get(id);
      if (cached && now - cached.at < VERSION_CACHE_MS) found.set(id, cached.row);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      const rows: (VersionRow & { id: string })[] = await this.dataSource.query(
        `SELECT id, version, type, stem, content, key, points, scenario, used_at FROM question_version
          WHERE id = ANY($1::uuid[])`,
        [missing],
      );
      for (const row of rows) {
        found.set(row.id, row);
        if (!row.used_at) continue;
        if (this.versionCache.size >= VERSIONS_KEPT) this.versionCache.delete(this.versionCache.keys().next().value!);
        this.versionCache.set(row.id, { row, at: now });
      }
    }
    return found;
  }

  /** The exams assigned to the current person, with their own window, attempts and latest result. */
  async myExams(): Promise<MyExamView[]> {
    const me = currentActor().userId;
    const exams = await this.exams.assignedTo(me);
    if (exams.length === 0) return [];
    const attempts = await this.dataSource.getRepository(Attempt).find({
      where: { userId: me, examId: In(exams.map((e) => e.id)) },
      order: { number: 'DESC' },
    });
    const now = new Date();
    const releasedRows: { exam_id: string }[] = await this.dataSource.query(
      `SELECT exam_id FROM results_release WHERE exam_id = ANY($1::uuid[])`,
      [exams.map((e) => e.id)],
    );
    const released = new Set(releasedRows.map((r) => r.exam_id));
    return exams.map((exam) => {
      const own = attempts.filter((a) => a.examId === exam.id);
      const open = own.find((a) => a.status === 'in_progress') ?? null;
      const last = own.find((a) => a.status !== 'in_progress') ?? null;
      const window = windowFor(exam, me);
      const visible = last?.status === 'finalized' && resultsVisibleTo(exam, me, me, now, released.has(exam.id));
      const inWindow = now >= window.opensAt && now <= window.closesAt;
      return {
        exam: toExamView(exam),
        opensAt: window.opensAt.toISOString(),
        closesAt: window.closesAt.toISOString(),
        attemptsUsed: own.length,
        openAttemptId: open?.id ?? null,
        lastAttempt: last && {
          id: last.id,
          status: last.status,
          submittedAt: last.submittedAt?.toISOString() ?? null,
          percent: visible ? last.percent : null,
          passed: visible ? last.passed : null,
        },
        canStart: inWindow && (open !== null || own.length < exam.attemptsAllowed),
      };
    });
  }

  async get(id: string): Promise<AttemptView> {
    const attempt = await this.attempts.findVisible(id);
    const exam = await this.dataSource.getRepository(Exam).findOneByOrFail({ id: attempt.examId });
    await this.assertReadable(attempt, exam);
    const rows = await this.itemRows(attempt.id);
    const items = await this.toViewItems(attempt.id, rows, exam.shuffleOptions);
    return this.view(attempt, exam, items, await this.disclosure(attempt, exam));
  }

  /**
   * Someone else's attempt is read by whoever trains or grades the exam, and by the managers
   * of the candidate's department; to anyone else in the organization it does not exist.
   */
  private async assertReadable(attempt: Attempt, exam: Exam): Promise<void> {
    if (RequestContext.isSystem() || attempt.userId === currentActor().userId) return;
    assertMay(
      'read',
      'Attempt',
      {
        id: attempt.id,
        organizationId: attempt.organizationId,
        examId: attempt.examId,
        sessionId: exam.sessionId,
        userId: attempt.userId,
        departmentId: await this.users.departmentOf(attempt.userId),
      },
      { entity: 'Attempt' },
    );
  }

  /**
   * How much of a finished attempt the reader sees. The score as the exam shows results; the
   * answers' marks and keys to the candidate only as its review mode allows, and never while
   * anything remains for them to sit. Other readers see the marks, and the keys if they may
   * grade the attempt.
   */
  private async disclosure(attempt: Attempt, exam: Exam): Promise<Disclosure> {
    if (attempt.status !== 'finalized') return NOTHING;
    const reader = currentActor();
    const now = new Date();
    if (!resultsVisibleTo(exam, attempt.userId, reader.userId, now, await this.released(exam.id))) return NOTHING;
    if (reader.userId === attempt.userId) {
      const answers = answersVisibleTo(
        exam,
        attempt.userId,
        await this.attempts.standingOf(exam.id, reader.userId),
        now,
      );
      return { results: true, answers, keys: answers };
    }
    // Keys go to those who may grade the attempt: never a manager, nor anyone who sits the exam.
    const keys = may('grade', 'Attempt', {
      id: attempt.id,
      organizationId: attempt.organizationId,
      sessionId: exam.sessionId,
      examId: attempt.examId,
      userId: attempt.userId,
    });
    return { results: true, answers: true, keys };
  }

  private async view(
    attempt: Attempt,
    exam: Pick<Exam, 'title' | 'reviewMode'>,
    items: ViewItem[],
    disclosure: Disclosure,
  ): Promise<AttemptView> {
    const { results: visible, answers, keys: withKeys } = disclosure;
    const keys = withKeys ? await this.keysOf(items.map((i) => i.questionVersionId)) : new Map<string, unknown>();
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
      answersVisible: answers,
      reviewMode: exam.reviewMode,
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
        ...(answers
          ? { result: { score: item.score, comment: item.comment, key: keys.get(item.questionVersionId) ?? null } }
          : {}),
      })),
    };
  }

  private async released(examId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM results_release WHERE exam_id = $1`, [examId]);
    return rows.length > 0;
  }

  /** The answer keys of the versions the items froze, for showing with a final result. */
  private async keysOf(versionIds: string[]): Promise<Map<string, unknown>> {
    const versions = await this.dataSource
      .getRepository(QuestionVersion)
      .find({ where: { id: In(versionIds) }, select: { id: true, key: true } });
    return new Map(versions.map((v) => [v.id, v.key]));
  }

  /**
   * Autosaves one answer. A save carrying a sequence number not above the stored one is
   * ignored, so a late, older save never overwrites a newer one. Durable once answered.
   */
  async saveAnswer(attemptId: string, questionId: string, response: unknown, seq: number): Promise<AnswerSaved> {
    const me = currentActor().userId;
    const view = isUUID(attemptId) && isUUID(questionId) ? await this.frozenView(me, attemptId, questionId) : null;
    if (!view) return this.refuseSave(attemptId, questionId);
    const check = validateResponse(view.type, view.content as never, response);
    if (!check.ok) throw new ValidationFailedError(check.errors);
    // One statement: the attempt is checked (its owner, still open, within the deadline and
    // grace) under a share lock, so a save never lands after a submit that committed first;
    // then the update, or else the newer seq already stored.
    // The guard answered from facts up to 5 s old (OwnRecordsOnly), so the same statement also
    // checks that the caller's session is still open: a save after logout is refused at once.
    const [row]: { seq: number; applied: boolean }[] = await this.dataSource.query(
      `WITH open AS (
         SELECT id FROM attempt
          WHERE id = $1 AND user_id = $5 AND status = 'in_progress'
            AND now() <= deadline_at + make_interval(secs => $6::float8 / 1000)
            AND EXISTS (SELECT 1 FROM refresh_token rt
                         WHERE rt.family_id = $7 AND rt.user_id = $5 AND rt.revoked_at IS NULL)
          FOR SHARE
       ), saved AS (
         UPDATE attempt_item SET response = $3, seq = $4, saved_at = now()
          WHERE attempt_id = (SELECT id FROM open) AND question_id = $2 AND seq < $4 RETURNING seq
       )
       SELECT seq, true AS applied FROM saved
       UNION ALL
       SELECT seq, false FROM attempt_item
        WHERE attempt_id = (SELECT id FROM open) AND question_id = $2 AND NOT EXISTS (SELECT 1 FROM saved)`,
      [attemptId, questionId, JSON.stringify(check.value), seq, me, SAVE_GRACE_MS, RequestContext.sessionId() ?? null],
    );
    if (!row) return this.refuseSave(attemptId, questionId);
    return { questionId, seq: row.seq, applied: row.applied };
  }

  /** Why a save was not taken, as the error the caller can act on. */
  private async refuseSave(attemptId: string, questionId: string): Promise<never> {
    if (!(await this.sessionOpen()))
      throw new UnauthorizedError('The session has ended or the account is inactive', 'TOKEN_INVALID');
    const attempt = await this.attempts.findVisible(attemptId);
    if (attempt.userId !== currentActor().userId)
      throw new ForbiddenError('Only the person taking the attempt may answer');
    if (attempt.status !== 'in_progress') {
      throw new ConflictError('ATTEMPT_SUBMITTED', 'The attempt has been submitted', { currentStatus: attempt.status });
    }
    if (Date.now() > attempt.deadlineAt.getTime() + SAVE_GRACE_MS) {
      throw new ConflictError('DEADLINE_PASSED', `The deadline was ${attempt.deadlineAt.toISOString()}`, {
        deadlineAt: attempt.deadlineAt.toISOString(),
      });
    }
    throw new UnprocessableError('QUESTION_NOT_IN_ATTEMPT', 'The question is not part of this attempt', [
      { field: 'questionId', message: `${questionId} is not part of this attempt` },
    ]);
  }

  private async sessionOpen(): Promise<boolean> {
    const [row]: { open: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM refresh_token WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL) AS open`,
      [RequestContext.sessionId() ?? null, currentActor().userId],
    );
    return row.open;
  }

  /**
   * The frozen question's type and content, for checking an answer's shape. Frozen versions
   * never change, so shapes are kept in memory, keyed by the person too: nobody learns the
   * shape of someone else's question.
   */
  private async frozenView(userId: string, attemptId: string, questionId: string): Promise<ShapeOf | null> {
    const cacheKey = `${userId}:${attemptId}:${questionId}`;
    const cached = this.frozenViews.get(cacheKey);
    if (cached) return cached;
    const rows: { question_version_id: string }[] = await this.dataSource.query(
      `SELECT i.question_version_id FROM attempt_item i JOIN attempt a ON a.id = i.attempt_id
        WHERE i.attempt_id = $1 AND i.question_id = $2 AND a.user_id = $3`,
      [attemptId, questionId, userId],
    );
    if (!rows[0]) return null;
    const version = (await this.versionsById([rows[0].question_version_id])).get(rows[0].question_version_id)!;
    return this.rememberShape(cacheKey, { type: version.type, content: version.content });
  }

  private rememberShape(cacheKey: string, shape: ShapeOf): ShapeOf {
    if (this.frozenViews.size >= FROZEN_VIEWS_KEPT) this.frozenViews.delete(this.frozenViews.keys().next().value!);
    this.frozenViews.set(cacheKey, shape);
    return shape;
  }

  /** Hands the attempt in and queues its grading in the same commit; submitting again changes nothing. */
  async submit(attemptId: string): Promise<AttemptView> {
    const me = currentActor().userId;
    // One statement hands the attempt in and records its grading job, or does nothing when it
    // was handed in before (or is not this person's: then get() answers 404 or 403).
    const [row]: {
      id: string;
      exam_id: string;
      number: number;
      started_at: Date;
      deadline_at: Date;
      submitted_at: Date;
      exam_title: string;
      review_mode: Exam['reviewMode'];
      shuffle_options: boolean;
      items: ItemRow[];
    }[] = isUUID(attemptId)
      ? await this.dataSource.query(
          `WITH handed_in AS (
             UPDATE attempt SET status = 'submitted', submitted_at = now()
              WHERE id = $1 AND user_id = $2 AND status = 'in_progress'
              RETURNING id, exam_id, number, started_at, deadline_at, submitted_at,
                        jsonb_build_object('attemptId', id) AS payload
           ), job AS (${Outbox.insertFrom('attempt.grade', 'handed_in')})
           SELECT h.id, h.exam_id, h.number, h.started_at, h.deadline_at, h.submitted_at, e.title AS exam_title,
                  e.review_mode, e.shuffle_options,
                  (SELECT coalesce(json_agg(i ORDER BY i.position), '[]') FROM (${ITEM_ROWS} WHERE attempt_id = h.id) i)
                    AS items
             FROM handed_in h JOIN exam e ON e.id = h.exam_id`,
          [attemptId, me],
        )
      : [];
    if (!row) {
      const view = await this.get(attemptId);
      if (view.userId !== me) throw new ForbiddenError('Only the person taking the attempt may submit it');
      return view;
    }
    // Just handed in: nothing is graded yet, so the view needs no result and no second look-up.
    const attempt = this.dataSource.getRepository(Attempt).create({
      id: row.id,
      examId: row.exam_id,
      userId: me,
      number: row.number,
      status: 'submitted',
      startedAt: row.started_at,
      deadlineAt: row.deadline_at,
      submittedAt: row.submitted_at,
    });
    return this.view(
      attempt,
      { title: row.exam_title, reviewMode: row.review_mode },
      await this.toViewItems(row.id, row.items, row.shuffle_options),
      NOTHING,
    );
  }

  /** The items in order, read without entity hydration: an attempt view is read often and in bursts. */
  private itemRows(attemptId: string): Promise<ItemRow[]> {
    return this.dataSource.query(`${ITEM_ROWS} WHERE attempt_id = $1 ORDER BY position`, [attemptId]);
  }

  /** Each item with the trainee's view built from its frozen version and the attempt. */
  private async toViewItems(attemptId: string, rows: ItemRow[], shuffleOptions: boolean): Promise<ViewItem[]> {
    const versions = await this.versionsById(rows.map((r) => r.question_version_id));
    return rows.map((r) => {
      const version = versions.get(r.question_version_id)!;
      const points = Number(r.points);
      return {
        position: r.position,
        view: {
          ...toTraineeView(
            { ...version, questionId: r.question_id, points: Number(version.points) } as FrozenQuestion,
            { sitting: attemptId, shuffleOptions },
          ),
          points,
        } as TraineeQuestionView,
        response: r.response,
        seq: r.seq,
        savedAt: r.saved_at === null ? null : new Date(r.saved_at),
        score: r.score === null ? null : Number(r.score),
        comment: r.comment,
        questionVersionId: r.question_version_id,
      };
    });
  }

  /**
   * Hands in attempts whose deadline and grace have passed, so an attempt whose browser is
   * gone is still graded. Safe in several processes at once: each row is taken by one.
   * Returns how many were handed in.
   */
  async submitOverdue(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const handedIn = await this.dataSource.transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `WITH overdue AS (
             SELECT id FROM attempt
              WHERE status = 'in_progress' AND deadline_at < now() - make_interval(secs => $1::float8 / 1000)
              ORDER BY deadline_at LIMIT $2 FOR UPDATE SKIP LOCKED
           ), s AS (
             UPDATE attempt a SET status = 'submitted', submitted_at = a.deadline_at
               FROM overdue WHERE a.id = overdue.id RETURNING a.id
           ) SELECT id FROM s`,
          [SAVE_GRACE_MS, batch],
        );
        await this.outbox.enqueueMany(
          manager,
          'attempt.grade',
          rows.map((r) => ({ attemptId: r.id })),
        );
        return rows.length;
      });
      total += handedIn;
      if (handedIn < batch) return total;
    }
  }
}
