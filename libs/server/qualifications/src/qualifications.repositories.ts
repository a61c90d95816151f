import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isVendorTrainer } from '@cascade/contracts';
import { Actor, ListSpec, ScopedRepository, ScopeRules } from '@cascade/server/core';
import { COUNTED_FEEDBACK_RESPONSES } from '@cascade/server/feedback';
import { EntityManager, Repository } from 'typeorm';
import { QualificationFacts } from './qualification-evaluation';
import { Qualification, QualificationTrack, TeachBack } from './qualification.entities';

@Injectable()
export class QualificationTracksRepository extends ScopedRepository<QualificationTrack> {
  protected readonly alias = 'track';
  protected readonly entityName = 'Qualification track';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId' };
  readonly listSpec: ListSpec = {
    sortable: { title: 'title', createdAt: 'createdAt', updatedAt: 'updatedAt' },
    defaultSort: 'title',
    searchable: ['title'],
    filters: {
      organizationId: 'organizationId',
      businessProcess: (qb, value) => qb.andWhere(':bp = ANY(track.business_processes)', { bp: value }),
    },
  };

  constructor(@InjectRepository(QualificationTrack) repository: Repository<QualificationTrack>) {
    super(repository);
  }
}

/**
 * Other people's qualifications are read by admins, the vendor trainers serving the client and
 * its managers (as the policy's `read Qualification` says); an internal trainer, like any
 * trainee, reads their own.
 */
const readsOthersQualifications = (actor: Actor) =>
  actor.roles.includes('admin') || actor.roles.includes('manager') || isVendorTrainer(actor);

@Injectable()
export class QualificationsRepository extends ScopedRepository<Qualification> {
  protected readonly alias = 'qualification';
  protected readonly entityName = 'Qualification';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    selfColumn: 'userId',
    othersReadableBy: readsOthersQualifications,
  };
  readonly listSpec: ListSpec = {
    sortable: {
      createdAt: 'createdAt',
      updatedAt: 'updatedAt',
      status: 'status',
      qualifiedAt: 'qualifiedAt',
      expiresAt: 'expiresAt',
    },
    defaultSort: 'createdAt',
    filters: {
      organizationId: 'organizationId',
      trackId: 'trackId',
      userId: 'userId',
      status: 'status',
      departmentId: (qb, value) =>
        qb.andWhere(
          'EXISTS (SELECT 1 FROM app_user u WHERE u.id = qualification.user_id AND u.department_id = :departmentId)',
          { departmentId: value },
        ),
      attitude: (qb, value) =>
        qb.andWhere('EXISTS (SELECT 1 FROM app_user u WHERE u.id = qualification.user_id AND u.attitude = :attitude)', {
          attitude: value,
        }),
    },
  };

  constructor(@InjectRepository(Qualification) repository: Repository<Qualification>) {
    super(repository);
  }

  /** The person's qualifications still evaluated, locked for this transaction. Unscoped: the worker's view. */
  openOf(manager: EntityManager, userId: string): Promise<Qualification[]> {
    return manager
      .getRepository(Qualification)
      .createQueryBuilder('q')
      .where('q.user_id = :userId', { userId })
      .andWhere(`q.status IN ('candidate', 'in_progress', 'qualified')`)
      .orderBy('q.created_at')
      .setLock('pessimistic_write')
      .getMany();
  }

  async peopleOf(
    manager: EntityManager,
    userIds: string[],
  ): Promise<
    Map<string, { name: string; departmentId: string | null; departmentName: string | null; attitude: string | null }>
  > {
    if (userIds.length === 0) return new Map();
    const rows: {
      id: string;
      name: string;
      department_id: string | null;
      department_name: string | null;
      attitude: string | null;
    }[] = await manager.query(
      `SELECT u.id, u.name, u.department_id, d.name AS department_name, u.attitude
         FROM app_user u LEFT JOIN department d ON d.id = u.department_id WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { name: r.name, departmentId: r.department_id, departmentName: r.department_name, attitude: r.attitude },
      ]),
    );
  }

  /** Everything about a person that any track may ask for, in one round of reads. */
  async factsOf(manager: EntityManager, userId: string): Promise<QualificationFacts> {
    const [attempts, participations, trainerSessions, ratings, teachBacks] = await Promise.all([
      manager.query(
        `SELECT a.id, a.exam_id, e.title, a.percent, a.passed, a.finalized_at
           FROM attempt a JOIN exam e ON e.id = a.exam_id
          WHERE a.user_id = $1 AND a.status = 'finalized' AND a.finalized_at IS NOT NULL`,
        [userId],
      ) as Promise<
        { id: string; exam_id: string; title: string; percent: string; passed: boolean; finalized_at: Date }[]
      >,
      manager.query(
        `SELECT s.id, s.plan_id, s.title, s.starts_at, a.status AS attendance, coalesce(a.checked_in_at, s.starts_at) AS attended_at
           FROM training_session s
           LEFT JOIN session_enrollment e ON e.session_id = s.id AND e.user_id = $1
           LEFT JOIN attendance a ON a.session_id = s.id AND a.user_id = $1
          WHERE s.status <> 'cancelled'
            AND ((e.user_id IS NOT NULL AND e.status <> 'declined') OR a.status IN ('present', 'late'))`,
        [userId],
      ) as Promise<
        { id: string; plan_id: string; title: string; starts_at: Date; attendance: string | null; attended_at: Date }[]
      >,
      manager.query(
        `SELECT s.id, s.title, s.ends_at, t.role FROM session_trainer t JOIN training_session s ON s.id = t.session_id
          WHERE t.user_id = $1 AND s.status <> 'cancelled'`,
        [userId],
      ) as Promise<{ id: string; title: string; ends_at: Date; role: 'lead' | 'assistant' }[]>,
      // Anonymous responses count too: they are about the trainer, not their author. Like every
      // feedback aggregate, the evidence reads counted responses only, so it moves by whole batches.
      manager.query(
        `SELECT r.id AS response_id, r.session_id, s.title, r.counted_on::text AS counted_on, fa.number_value
           FROM feedback_answer fa
           JOIN ${COUNTED_FEEDBACK_RESPONSES} r ON r.id = fa.response_id
           JOIN training_session s ON s.id = r.session_id
          WHERE fa.trainer_id = $1 AND fa.about = 'trainer' AND fa.item_type = 'likert_5' AND fa.number_value IS NOT NULL`,
        [userId],
      ) as Promise<
        { response_id: string; session_id: string; title: string; counted_on: string; number_value: string }[]
      >,
      manager.query(
        `SELECT id, track_id, passed, signed_at FROM teach_back WHERE candidate_id = $1 AND signed_at IS NOT NULL`,
        [userId],
      ) as Promise<{ id: string; track_id: string; passed: boolean; signed_at: Date }[]>,
    ]);
    return {
      attempts: attempts.map((a) => ({
        id: a.id,
        examId: a.exam_id,
        examTitle: a.title,
        percent: Number(a.percent),
        passed: a.passed,
        finalizedAt: a.finalized_at,
      })),
      participations: participations.map((p) => ({
        sessionId: p.id,
        planId: p.plan_id,
        title: p.title,
        startsAt: p.starts_at,
        attended: p.attendance === 'present' || p.attendance === 'late',
        attendedAt: p.attendance === 'present' || p.attendance === 'late' ? p.attended_at : null,
      })),
      trainerSessions: trainerSessions.map((s) => ({
        sessionId: s.id,
        title: s.title,
        role: s.role,
        endsAt: s.ends_at,
      })),
      trainerRatings: ratings.map((r) => ({
        sessionId: r.session_id,
        title: r.title,
        responseId: r.response_id,
        countedOn: new Date(`${r.counted_on}T00:00:00Z`),
        value: Number(r.number_value),
      })),
      teachBacks: teachBacks.map((t) => ({ id: t.id, trackId: t.track_id, passed: t.passed, signedAt: t.signed_at })),
    };
  }
}

@Injectable()
export class TeachBacksRepository extends ScopedRepository<TeachBack> {
  protected readonly alias = 'teachBack';
  protected readonly entityName = 'Teach-back';
  // Teach-backs are evidence towards a qualification: read as the qualification is.
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    selfColumn: 'candidateId',
    othersReadableBy: readsOthersQualifications,
  };
  readonly listSpec: ListSpec = {
    sortable: { observedAt: 'observedAt', createdAt: 'createdAt', signedAt: 'signedAt' },
    defaultSort: 'observedAt',
    filters: { organizationId: 'organizationId', trackId: 'trackId', candidateId: 'candidateId' },
  };

  constructor(@InjectRepository(TeachBack) repository: Repository<TeachBack>) {
    super(repository);
  }
}
