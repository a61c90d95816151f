import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FieldError,
  isInternalTrainer,
  isVendorTrainer,
  ItemGradeView,
  ListResult,
  PendingGradingItem,
  QuestionKey,
} from '@cascade/contracts';
import {
  Actor,
  assertMay,
  ConflictError,
  currentAbility,
  currentActor,
  ForbiddenError,
  may,
  NotFoundError,
  recordAudit,
  RequestContext,
  UnprocessableError,
  visibleOrganizationIds,
} from '@cascade/server/core';
import { QuestionVersion } from '@cascade/server/questions';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { GradeAnswerDto, PendingGradingQuery } from './attempt.dto';
import { round2 } from './attempt-scoring';
import { AttemptSettlement } from './attempt-settlement';
import { AttemptsRepository } from './attempts.service';
import { Exam } from './exam.entity';

interface PendingRow {
  attempt_id: string;
  exam_id: string;
  session_id: string | null;
  exam_title: string;
  organization_id: string;
  user_id: string;
  user_name: string;
  question_id: string;
  position: number;
  version_id: string;
  points: string;
  response: string | null;
  submitted_at: Date;
  total: string;
}

/** Essays wait here for a trainer; the last grade of an attempt makes it final. */
@Injectable()
export class ManualGradingService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly settlement: AttemptSettlement,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Answers awaiting a trainer, oldest hand-in first: those the reader may grade. The query
   * narrows by the same relationships as the policy (the organizations they see, for an
   * internal trainer the sessions they train, never an exam they sit), so pages and totals hold.
   */
  async pending(query: PendingGradingQuery): Promise<ListResult<PendingGradingItem>> {
    // Whoever may grade nothing at all (a trainee, a lapsed internal trainer) is refused, not shown an empty list.
    if (!RequestContext.isSystem() && !currentAbility().can('grade', 'Attempt')) throw new ForbiddenError();
    const visible = visibleOrganizationIds();
    const scope = gradingScope(RequestContext.isSystem() ? null : currentActor());
    const found: PendingRow[] = await this.dataSource.query(
      `SELECT i.attempt_id, a.exam_id, e.session_id, e.title AS exam_title, a.organization_id, a.user_id, u.name AS user_name,
              i.question_id, i.position, i.question_version_id AS version_id, i.points, i.response, a.submitted_at,
              count(*) OVER () AS total
         FROM attempt_item i
         JOIN attempt a ON a.id = i.attempt_id
         JOIN exam e ON e.id = a.exam_id
         JOIN app_user u ON u.id = a.user_id
        WHERE i.needs_review AND i.score IS NULL AND a.status = 'needs_review'
          AND ($1::uuid[] IS NULL OR a.organization_id = ANY($1::uuid[]))
          AND ($2::uuid IS NULL OR a.exam_id = $2)
          AND ($3::uuid IS NULL OR a.organization_id = $3)
          AND NOT (a.exam_id = ANY($6::uuid[]))
          AND ($7::uuid[] IS NULL OR e.session_id = ANY($7::uuid[]))
          AND ($8::uuid IS NULL OR a.user_id <> $8)
        ORDER BY a.submitted_at, i.attempt_id, i.position
        LIMIT $4 OFFSET $5`,
      [
        visible,
        query.examId ?? null,
        query.organizationId ?? null,
        query.perPage,
        (query.page - 1) * query.perPage,
        scope.conflictedExamIds,
        scope.sessionIds,
        scope.graderId,
      ],
    );
    // The policy has the last word on each answer shown.
    const rows = found.filter((row) =>
      may('grade', 'Attempt', {
        id: row.attempt_id,
        organizationId: row.organization_id,
        sessionId: row.session_id,
        examId: row.exam_id,
        userId: row.user_id,
      }),
    );
    const versions = rows.length
      ? await this.dataSource.getRepository(QuestionVersion).findBy(rows.map((r) => ({ id: r.version_id })))
      : [];
    const versionOf = new Map(versions.map((v) => [v.id, v]));
    return {
      total: found.length ? Number(found[0].total) - (found.length - rows.length) : 0,
      data: rows.map((row) => {
        const version = versionOf.get(row.version_id)!;
        const content = version.content as { maxWords?: number };
        return {
          attemptId: row.attempt_id,
          examId: row.exam_id,
          examTitle: row.exam_title,
          organizationId: row.organization_id,
          userId: row.user_id,
          userName: row.user_name,
          questionId: row.question_id,
          position: row.position,
          stem: version.stem,
          scenario: version.scenario ? { title: version.scenario.title, narrative: version.scenario.narrative } : null,
          rubric: (version.key as QuestionKey<'essay'>).rubric ?? [],
          maxWords: content.maxWords ?? null,
          points: Number(row.points),
          response: typeof row.response === 'string' ? row.response : null,
          submittedAt: row.submitted_at.toISOString(),
        };
      }),
    };
  }

  /**
   * Records a trainer's grade of one essay answer. While the attempt awaits review a grade may
   * be changed; the last one pending finalises the attempt and the result goes out once.
   */
  async grade(attemptId: string, questionId: string, input: GradeAnswerDto): Promise<ItemGradeView> {
    const visible = await this.attempts.findVisible(attemptId);
    const grader = currentActor().userId;
    return this.dataSource.transaction(async (manager) => {
      const attempt = await manager.findOneOrFail(Attempt, {
        where: { id: visible.id },
        lock: { mode: 'pessimistic_write' },
      });
      const exam = await manager.findOneByOrFail(Exam, { id: attempt.examId });
      // Who sits the exam grades none of it; an internal trainer grades only their sessions' exams.
      assertMay('grade', 'Attempt', {
        id: attempt.id,
        organizationId: attempt.organizationId,
        sessionId: exam.sessionId,
        examId: attempt.examId,
        userId: attempt.userId,
      });
      if (attempt.userId === grader) throw new ConflictError('OWN_ATTEMPT', 'Nobody grades their own attempt');
      if (attempt.status !== 'needs_review') {
        throw new ConflictError('NOT_AWAITING_GRADING', 'The attempt has no answers awaiting a trainer', {
          currentStatus: attempt.status,
        });
      }
      const items = await manager.find(AttemptItem, { where: { attemptId: attempt.id } });
      const item = isUUID(questionId) ? items.find((i) => i.questionId === questionId) : undefined;
      if (!item) throw new NotFoundError('Answer');
      if (!item.needsReview) {
        throw new UnprocessableError('NOT_MANUALLY_GRADED', 'This answer is graded automatically', [
          { field: 'questionId', message: 'is graded against its key, not by a trainer' },
        ]);
      }
      const version = await manager.findOneByOrFail(QuestionVersion, { id: item.questionVersionId });
      const rubric = (version.key as QuestionKey<'essay'>).rubric ?? [];
      const score = checkedScore(input, Number(item.points), rubric);
      const before = { score: item.score, comment: item.comment, criteria: item.criteria, gradedBy: item.gradedBy };
      const gradedAt = new Date();
      Object.assign(item, {
        score,
        comment: input.comment?.trim() || null,
        criteria: input.criteria ?? null,
        gradedBy: grader,
        gradedAt,
      });
      await manager.save(item);
      await recordAudit(manager, {
        action: 'grade',
        entity: 'AttemptItem',
        entityId: `${attempt.id}:${item.questionId}`,
        organizationId: attempt.organizationId,
        before: before.gradedBy === null && before.score === null ? null : before,
        after: { score, comment: item.comment, criteria: item.criteria, gradedBy: grader },
      });
      await this.settlement.settle(manager, attempt, items);
      return {
        attemptId: attempt.id,
        questionId: item.questionId,
        score,
        comment: item.comment,
        criteria: item.criteria ?? [],
        gradedBy: grader,
        gradedAt: gradedAt.toISOString(),
        attemptStatus: attempt.status,
      };
    });
  }
}

/**
 * How the reader's grading reach narrows the pending list, from the same facts as the policy:
 * nobody sees answers to an exam they sit or their own; an admin or a vendor trainer sees every
 * organization they see, an internal trainer only the exams of the sessions they lead or assist,
 * anyone else nothing. `null` is the system, which sees everything.
 */
export function gradingScope(actor: Actor | null): {
  conflictedExamIds: string[];
  sessionIds: string[] | null;
  graderId: string | null;
} {
  if (!actor) return { conflictedExamIds: [], sessionIds: null, graderId: null };
  const unrestricted = actor.roles.includes('admin') || isVendorTrainer(actor);
  const ownSessions = isInternalTrainer(actor) ? [...actor.ledSessionIds, ...actor.assistedSessionIds] : [];
  return {
    conflictedExamIds: actor.conflicts.examIds,
    sessionIds: unrestricted ? null : ownSessions,
    graderId: actor.userId,
  };
}

/** The score, from the criteria when given; every problem names its field. */
function checkedScore(input: GradeAnswerDto, points: number, rubric: { criterion: string; points: number }[]): number {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  (input.criteria ?? []).forEach((given, i) => {
    const criterion = rubric[given.criterion];
    if (!criterion) errors.push({ field: `criteria.${i}.criterion`, message: `the rubric has ${rubric.length}` });
    else if (given.score > criterion.points)
      errors.push({
        field: `criteria.${i}.score`,
        message: `at most ${criterion.points} for "${criterion.criterion}"`,
      });
    if (seen.has(given.criterion)) errors.push({ field: `criteria.${i}.criterion`, message: 'is given twice' });
    seen.add(given.criterion);
  });
  const fromCriteria = input.criteria?.length ? round2(input.criteria.reduce((sum, c) => sum + c.score, 0)) : null;
  const score = input.score ?? fromCriteria;
  if (score === null) errors.push({ field: 'score', message: 'give a score or the criteria' });
  else if (score > points) errors.push({ field: 'score', message: `at most ${points}` });
  else if (fromCriteria !== null && Math.abs(score - fromCriteria) > 0.001)
    errors.push({ field: 'score', message: `must equal the criteria's sum ${fromCriteria}` });
  if (errors.length)
    throw new UnprocessableError('GRADE_INVALID', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  return score!;
}
