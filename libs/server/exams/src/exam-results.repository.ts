import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AttemptStatus, ExamKind, QuestionType } from '@cascade/contracts';
import { DataSource } from 'typeorm';
import { Exam } from './exam.entity';

/**
 * The ids of everyone an exam is assigned to: named, its session's enrollees, its plan's
 * targets and the enrollees of the plan's sessions. Parameters from assignedParams().
 */
const ASSIGNED_USER_IDS = `SELECT unnest($1::uuid[])
  UNION SELECT e.user_id FROM session_enrollment e WHERE $2 AND e.session_id = $3 AND e.status <> 'declined'
  UNION SELECT pt.user_id FROM plan_target pt WHERE $4 AND pt.plan_id = $5
  UNION SELECT e.user_id FROM training_session s JOIN session_enrollment e ON e.session_id = s.id
         WHERE $4 AND s.plan_id = $5 AND e.status <> 'declined'`;

const assignedParams = (exam: Exam) => [
  exam.assignees.userIds,
  exam.assignees.sessionEnrollees && exam.sessionId !== null,
  exam.sessionId,
  exam.assignees.planTrainees && exam.planId !== null,
  exam.planId,
];

export interface ResultAttemptRow {
  attemptId: string;
  userId: string;
  userName: string;
  username: string;
  departmentId: string | null;
  department: string | null;
  number: number;
  status: AttemptStatus;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
  startedAt: Date;
  submittedAt: Date | null;
  deadlineAt: Date;
}

export interface FinalizedItemRow {
  attemptId: string;
  percent: number;
  questionId: string;
  score: number;
  points: number;
}

export interface QuestionLabel {
  questionId: string;
  stem: string;
  type: QuestionType;
  businessProcess: string;
  difficulty: number;
}

export interface BestAttemptRow {
  attemptId: string;
  userId: string;
  userName: string;
  departmentId: string | null;
  percent: number;
}

/** A plan's pre- or post-test, with what deciding who reads its results needs. */
export interface PlanAssessment {
  id: string;
  kind: ExamKind;
  organizationId: string;
  sessionId: string | null;
  planId: string | null;
}

export interface ProcessScoreRow {
  attemptId: string;
  businessProcess: string;
  score: number;
  points: number;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Reads behind results, item analysis and learning gain. Callers first find the exam or plan
 * through its scoped repository, so these read by an id the actor may already see.
 */
@Injectable()
export class ExamResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async attemptsOf(examId: string): Promise<ResultAttemptRow[]> {
    const rows: {
      attempt_id: string;
      user_id: string;
      user_name: string;
      username: string;
      department_id: string | null;
      department: string | null;
      number: number;
      status: AttemptStatus;
      score: string | null;
      max_score: string | null;
      percent: string | null;
      passed: boolean | null;
      started_at: Date;
      submitted_at: Date | null;
      deadline_at: Date;
    }[] = await this.dataSource.query(
      `SELECT a.id AS attempt_id, a.user_id, u.name AS user_name, u.email AS username, u.department_id,
              d.name AS department, a.number, a.status, a.score, a.max_score, a.percent, a.passed, a.started_at, a.submitted_at, a.deadline_at
         FROM attempt a
         JOIN app_user u ON u.id = a.user_id
         LEFT JOIN department d ON d.id = u.department_id
        WHERE a.exam_id = $1`,
      [examId],
    );
    return rows.map((r) => ({
      attemptId: r.attempt_id,
      userId: r.user_id,
      userName: r.user_name,
      username: r.username,
      departmentId: r.department_id,
      department: r.department,
      number: r.number,
      status: r.status,
      score: num(r.score),
      maxScore: num(r.max_score),
      percent: num(r.percent),
      passed: r.passed,
      startedAt: r.started_at,
      submittedAt: r.submitted_at,
      deadlineAt: r.deadline_at,
    }));
  }

  /** How many people the exam is assigned to, directly or through its plan or session (as trainees find it). */
  async assignedCount(exam: Exam): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (${ASSIGNED_USER_IDS}) assigned`,
      assignedParams(exam),
    );
    return n;
  }

  /** Whether the exam is assigned to the person, by name or through its session or plan. */
  async isAssigned(exam: Exam, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM (${ASSIGNED_USER_IDS}) assigned(user_id) WHERE user_id = $6 LIMIT 1`,
      [...assignedParams(exam), userId],
    );
    return rows.length > 0;
  }

  /** Every graded answer of the exam's finalised attempts. */
  async finalizedItems(examId: string): Promise<FinalizedItemRow[]> {
    const rows: { attempt_id: string; percent: string; question_id: string; score: string | null; points: string }[] =
      await this.dataSource.query(
        `SELECT ai.attempt_id, a.percent, ai.question_id, ai.score, ai.points
         FROM attempt_item ai JOIN attempt a ON a.id = ai.attempt_id
        WHERE a.exam_id = $1 AND a.status = 'finalized'`,
        [examId],
      );
    return rows.map((r) => ({
      attemptId: r.attempt_id,
      percent: Number(r.percent),
      questionId: r.question_id,
      score: Number(r.score ?? 0),
      points: Number(r.points),
    }));
  }

  /** The labels a question carries now: its business process and difficulty live on the question, not its versions. */
  async questionLabels(questionIds: string[]): Promise<QuestionLabel[]> {
    if (!questionIds.length) return [];
    const rows: { id: string; stem: string; type: QuestionType; business_process: string; difficulty: number }[] =
      await this.dataSource.query(
        `SELECT id, stem, type, business_process, difficulty FROM question WHERE id = ANY($1::uuid[])`,
        [questionIds],
      );
    return rows.map((r) => ({
      questionId: r.id,
      stem: r.stem,
      type: r.type,
      businessProcess: r.business_process,
      difficulty: r.difficulty,
    }));
  }

  /** The pre- and post-tests linked to a plan, earliest opening first. */
  async assessmentsOfPlan(planId: string): Promise<PlanAssessment[]> {
    return this.dataSource.query(
      `SELECT id, kind, organization_id AS "organizationId", session_id AS "sessionId", plan_id AS "planId"
         FROM exam WHERE plan_id = $1 AND kind IN ('pre_test', 'post_test') ORDER BY opens_at, created_at`,
      [planId],
    );
  }

  /** Each person's best finalised attempt of an exam (the earlier one on a tie). */
  async bestFinalized(examId: string): Promise<BestAttemptRow[]> {
    const rows: {
      attempt_id: string;
      user_id: string;
      user_name: string;
      department_id: string | null;
      percent: string;
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (a.user_id) a.id AS attempt_id, a.user_id, u.name AS user_name, u.department_id, a.percent
         FROM attempt a JOIN app_user u ON u.id = a.user_id
        WHERE a.exam_id = $1 AND a.status = 'finalized'
        ORDER BY a.user_id, a.percent DESC, a.number`,
      [examId],
    );
    return rows.map((r) => ({
      attemptId: r.attempt_id,
      userId: r.user_id,
      userName: r.user_name,
      departmentId: r.department_id,
      percent: Number(r.percent),
    }));
  }

  /** Score and points per attempt and business process of the question answered. */
  async processScores(attemptIds: string[]): Promise<ProcessScoreRow[]> {
    if (!attemptIds.length) return [];
    const rows: { attempt_id: string; business_process: string; score: string; points: string }[] =
      await this.dataSource.query(
        `SELECT ai.attempt_id, q.business_process, sum(coalesce(ai.score, 0)) AS score, sum(ai.points) AS points
         FROM attempt_item ai JOIN question q ON q.id = ai.question_id
        WHERE ai.attempt_id = ANY($1::uuid[])
        GROUP BY ai.attempt_id, q.business_process`,
        [attemptIds],
      );
    return rows.map((r) => ({
      attemptId: r.attempt_id,
      businessProcess: r.business_process,
      score: Number(r.score),
      points: Number(r.points),
    }));
  }
}

export interface AssignedPerson {
  userId: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
}

export interface DepartmentManager {
  departmentId: string;
  userId: string;
}

/** Who the results loop reports on and to: queries of the release, digests and follow-ups. */
@Injectable()
export class ResultsLoopRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Everyone the exam is assigned to (as trainees find it), with their department. */
  async assignedPeople(exam: Exam): Promise<AssignedPerson[]> {
    const rows: { id: string; name: string; department_id: string | null; department_name: string | null }[] =
      await this.dataSource.query(
        `SELECT u.id, u.name, u.department_id, d.name AS department_name
           FROM app_user u LEFT JOIN department d ON d.id = u.department_id
          WHERE u.id IN (${ASSIGNED_USER_IDS})
          ORDER BY u.name, u.id`,
        assignedParams(exam),
      );
    return rows.map((r) => ({
      userId: r.id,
      name: r.name,
      departmentId: r.department_id,
      departmentName: r.department_name,
    }));
  }

  /** People who sat the exam (handed in at least once), with their best final percent and pass. */
  async participants(examId: string): Promise<Map<string, { percent: number | null; passed: boolean | null }>> {
    const rows: { user_id: string; percent: string | null; passed: boolean | null }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (user_id) user_id, percent, passed FROM attempt
        WHERE exam_id = $1 AND status <> 'in_progress'
        ORDER BY user_id, (status = 'finalized') DESC, percent DESC NULLS LAST, number`,
      [examId],
    );
    return new Map(
      rows.map((r) => [r.user_id, { percent: r.percent === null ? null : Number(r.percent), passed: r.passed }]),
    );
  }

  /** Attempts of the exam not yet final: handed in but not graded, or waiting for a trainer. */
  async awaitingGrading(examId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM attempt WHERE exam_id = $1 AND status IN ('submitted', 'needs_review')`,
      [examId],
    );
    return n;
  }

  /**
   * Who heads each department: its manager and the managers of the departments above it,
   * the same people who may read its named results.
   */
  async departmentManagers(departmentIds: string[]): Promise<DepartmentManager[]> {
    if (departmentIds.length === 0) return [];
    return (
      await this.dataSource.query(
        `WITH RECURSIVE above AS (
           SELECT d.id AS department_id, d.id AS head_id, d.parent_id FROM department d WHERE d.id = ANY($1::uuid[])
           UNION
           SELECT above.department_id, p.id, p.parent_id FROM department p JOIN above ON p.id = above.parent_id)
         SELECT DISTINCT above.department_id, h.manager_id AS user_id
           FROM above JOIN department h ON h.id = above.head_id
           JOIN app_user u ON u.id = h.manager_id AND u.active AND 'manager' = ANY(u.roles)`,
        [departmentIds],
      )
    ).map((r: { department_id: string; user_id: string }) => ({ departmentId: r.department_id, userId: r.user_id }));
  }

  /** The trainers of the exam's plan or session, and whoever wrote the exam. */
  async trainersOf(exam: Exam): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT unnest(trainer_ids) AS id FROM training_plan WHERE id = $1
       UNION SELECT user_id FROM session_trainer WHERE session_id = $2
       UNION SELECT $3::uuid WHERE $3::uuid IS NOT NULL`,
      [exam.planId, exam.sessionId, exam.createdBy],
    );
    return rows.map((r) => r.id).filter(Boolean);
  }

  /** Exams whose every window has closed, not yet released, with nothing left to grade. */
  async dueForRelease(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT e.id FROM exam e
        WHERE NOT EXISTS (SELECT 1 FROM results_release r WHERE r.exam_id = e.id)
          AND greatest(e.closes_at, (SELECT max((o->>'closesAt')::timestamptz) FROM jsonb_array_elements(e.overrides) o)) <= now()
          AND e.closes_at > now() - interval '30 days'
          AND NOT EXISTS (SELECT 1 FROM attempt a WHERE a.exam_id = e.id AND a.status IN ('in_progress', 'submitted', 'needs_review'))
        ORDER BY e.closes_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
