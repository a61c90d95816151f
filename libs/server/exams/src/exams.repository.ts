import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BlueprintRow, isInternalTrainer, isVendorTrainer, ListResult } from '@cascade/contracts';
import {
  currentActor,
  isOnlyTrainee,
  ListSpec,
  RequestContext,
  ScopedRepository,
  ScopeRules,
  visibleOrganizationIds,
} from '@cascade/server/core';
import { Brackets, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { ExamListQuery } from './exam.dto';
import { Exam } from './exam.entity';

/** Exams assigned to `:scopeSelfId`, directly or through their plan or session. */
const ASSIGNED_TO_SELF = `({alias}.assignees->'userIds') @> jsonb_build_array(CAST(:scopeSelfId AS uuid)::text)
      OR (({alias}.assignees->>'sessionEnrollees')::boolean AND EXISTS (
            SELECT 1 FROM session_enrollment e WHERE e.session_id = {alias}.session_id AND e.user_id = :scopeSelfId AND e.status <> 'declined'))
      OR (({alias}.assignees->>'planTrainees')::boolean AND (
            EXISTS (SELECT 1 FROM plan_target pt WHERE pt.plan_id = {alias}.plan_id AND pt.user_id = :scopeSelfId)
            OR EXISTS (SELECT 1 FROM training_session s JOIN session_enrollment e ON e.session_id = s.id
                        WHERE s.plan_id = {alias}.plan_id AND e.user_id = :scopeSelfId AND e.status <> 'declined')))`;

/**
 * The reader whose exams are narrowed to their own (see ExamsRepository.scoped), with the
 * sessions they train; null for readers of every exam of the organizations they see.
 */
function narrowedReader(): { userId: string; trainerSessions: string[] } | null {
  if (RequestContext.isSystem()) return null;
  const actor = currentActor();
  const wide = actor.roles.includes('admin') || actor.roles.includes('manager') || isVendorTrainer(actor);
  if (wide || (actor.organizationKind === 'client' && actor.bankAuthor)) return null;
  const trainerSessions = isInternalTrainer(actor) ? [...actor.ledSessionIds, ...actor.assistedSessionIds] : [];
  return { userId: actor.userId, trainerSessions };
}

@Injectable()
export class ExamsRepository extends ScopedRepository<Exam> {
  protected readonly alias = 'exam';
  protected readonly entityName = 'Exam';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    // Trainees see the exams assigned to them, directly or through their plan or session.
    selfCondition: ASSIGNED_TO_SELF,
  };
  readonly listSpec: ListSpec = {
    sortable: { opensAt: 'opensAt', title: 'title', createdAt: 'createdAt', kind: 'kind' },
    defaultSort: 'opensAt',
    searchable: ['title'],
    filters: { organizationId: 'organizationId', planId: 'planId', sessionId: 'sessionId', kind: 'kind' },
  };

  constructor(@InjectRepository(Exam) repository: Repository<Exam>) {
    super(repository);
  }

  /**
   * Within the organization, a client user who neither manages, authors the bank nor
   * administers sees the exams they sit and, once they train, those of their own sessions;
   * never the organization's other exams (as the policy's `read Exam` says).
   */
  protected override scoped(manager?: EntityManager): SelectQueryBuilder<Exam> {
    const qb = super.scoped(manager);
    // A trainee and nothing else is narrowed to their own by the scope's selfCondition already.
    const narrowed = isOnlyTrainee() ? null : narrowedReader();
    if (!narrowed) return qb;
    return qb.andWhere(
      new Brackets((or) => {
        or.where(`(${ASSIGNED_TO_SELF.replace(/\{alias\}/g, this.alias)})`, { scopeSelfId: narrowed.userId });
        if (narrowed.trainerSessions.length > 0)
          or.orWhere(`${this.alias}.sessionId IN (:...trainerSessions)`, { trainerSessions: narrowed.trainerSessions });
      }),
    );
  }

  /**
   * The exams one runs: a narrowed reader's list holds those of the sessions they train, not
   * the ones they sit (those are under My exams, and a candidate's view of them is the attempt).
   */
  listRun(query: ExamListQuery): Promise<ListResult<Exam>> {
    const narrowed = isOnlyTrainee() ? null : narrowedReader();
    return this.list(query, this.listSpec, (qb) => {
      if (!narrowed) return;
      if (narrowed.trainerSessions.length === 0) qb.andWhere('false');
      else qb.andWhere(`${this.alias}.sessionId IN (:...runSessions)`, { runSessions: narrowed.trainerSessions });
    });
  }

  /**
   * Whether findVisible would give this exam, known without a query: true or false, or null
   * when only the database can tell (an assignment through a session or plan).
   */
  visibleInMemory(exam: Exam): boolean | null {
    if (RequestContext.isSystem()) return true;
    const visible = visibleOrganizationIds();
    if (visible !== null && !visible.includes(exam.organizationId)) return false;
    const narrowed = isOnlyTrainee() ? { userId: currentActor().userId, trainerSessions: [] } : narrowedReader();
    if (!narrowed) return true;
    if (exam.assignees.userIds.includes(narrowed.userId)) return true;
    if (exam.sessionId !== null && narrowed.trainerSessions.includes(exam.sessionId)) return true;
    return null;
  }

  /** The exams assigned to one person, latest closing first. */
  assignedTo(userId: string): Promise<Exam[]> {
    return this.repository
      .createQueryBuilder('exam')
      .where(`(${ASSIGNED_TO_SELF.replace(/\{alias\}/g, 'exam')})`, { scopeSelfId: userId })
      .orderBy('exam.closesAt', 'DESC')
      .addOrderBy('exam.id')
      .take(200)
      .getMany();
  }

  /** Active questions of the organization per blueprint cell (the question bank's table, read only). */
  async availability(organizationId: string, rows: BlueprintRow[], manager?: EntityManager): Promise<number[]> {
    if (rows.length === 0) return [];
    const counts: { cell: number; available: number }[] = await (manager ?? this.repository.manager).query(
      `SELECT cell.ord - 1 AS cell, count(q.id)::int AS available
         FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS cell(process, difficulty, ord)
         LEFT JOIN question q ON q.organization_id = $1 AND q.status = 'active'
                             AND q.business_process = cell.process AND q.difficulty = cell.difficulty
        GROUP BY cell.ord ORDER BY cell.ord`,
      [organizationId, rows.map((r) => r.businessProcess), rows.map((r) => r.difficulty)],
    );
    return counts.map((c) => c.available);
  }

  /** Of `ids`, the active questions of the organization. */
  async activeQuestions(organizationId: string, ids: string[], manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.repository.manager).query(
      `SELECT id FROM question WHERE organization_id = $1 AND status = 'active' AND id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return rows.map((r) => r.id);
  }
}
