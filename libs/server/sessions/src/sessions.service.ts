import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, SessionChange, TrainingSessionView } from '@cascade/contracts';
import {
  ConflictError,
  currentActor,
  ForbiddenError,
  NotFoundError,
  recordAudit,
  RequestContext,
  UnprocessableError,
} from '@cascade/server/core';
import { UsersRepository } from '@cascade/server/identity';
import { PlansService } from '@cascade/server/plans';
import { Outbox } from '@cascade/server/queue';
import { generateSecret } from 'otplib';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { LeadGate } from './lead-gate';
import { SessionEnrollment } from './session-enrollment.entity';
import { SessionTrainer } from './session-trainer.entity';
import { toSessionView } from './session.view';
import { CreateSessionDto, EnrollDto, SessionListQuery, SessionTrainerDto, UpdateSessionDto } from './session.dto';
import {
  capacityExceeded,
  clash,
  ClashingSession,
  enrolleeIsTrainer,
  sessionCancelled,
  staffingForbidden,
  trainerIsEnrolled,
} from './sessions.errors';
import { SessionsRepository } from './sessions.repository';
import { TrainingSession } from './training-session.entity';

const MAX_SESSION_HOURS = 24;

@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly plans: PlansService,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    private readonly leadGate: LeadGate,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: SessionListQuery): Promise<ListResult<TrainingSessionView>> {
    const { data, total } = await this.sessions.list(query, this.sessions.listSpec);
    return { data: await this.views(data), total };
  }

  async get(id: string): Promise<TrainingSessionView> {
    const [view] = await this.views([await this.sessions.findVisible(id)]);
    return view;
  }

  findVisible(id: string, manager?: EntityManager): Promise<TrainingSession> {
    return this.sessions.findVisible(id, manager);
  }

  async create(input: CreateSessionDto): Promise<TrainingSessionView> {
    const plan = await this.plans.findVisible(input.planId);
    if (['completed', 'cancelled'].includes(plan.status)) {
      throw new ConflictError('PLAN_CLOSED', `The plan is ${plan.status}`, { currentStatus: plan.status });
    }
    const [module] = (await this.plans.modulesOf([plan.id])).filter((m) => m.id === input.moduleId);
    if (!module) throw invalid('moduleId', 'must be a module of the plan');
    const { startsAt, endsAt } = times(input.startsAt, input.endsAt);
    // Anyone else who schedules a session names themselves its lead: they staff it as its lead would.
    if (!this.staffsAnySession(plan.organizationId) && !input.trainers.some((t) => isLeadOf(t, currentActor().userId)))
      throw staffingForbidden();
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkTrainers(manager, plan.organizationId, input.trainers);
      await this.leadGate.assertMayLead(manager, input.trainers, module.businessProcess, startsAt);
      const location = input.location?.trim() || plan.defaultLocation;
      await this.lockKeys(manager, [
        ...input.trainers.map((t) => `user:${t.userId}`),
        ...(location ? [`place:${plan.organizationId}:${normalizePlace(location)}`] : []),
      ]);
      const candidate = { id: null, organizationId: plan.organizationId, startsAt, endsAt, location };
      await this.assertNoClash(
        manager,
        candidate,
        input.trainers.map((t) => t.userId),
        [],
      );
      const session = await manager.save(
        manager.create(TrainingSession, {
          organizationId: plan.organizationId,
          planId: plan.id,
          moduleId: module.id,
          title: input.title ?? module.title,
          businessProcess: module.businessProcess,
          startsAt,
          endsAt,
          timeZone: input.timeZone,
          location: location ?? null,
          onlineUrl: input.onlineUrl ?? null,
          capacity: input.capacity,
          status: 'scheduled',
          checkInOpensMinutesBefore: input.checkInOpensMinutesBefore ?? 15,
          checkInClosesMinutesAfter: input.checkInClosesMinutesAfter ?? 30,
          checkInSecret: generateSecret(),
        }),
      );
      await this.saveTrainers(manager, session, input.trainers);
      return session.id;
    });
    return this.get(id);
  }

  /** Reschedules or edits a session, with the same clash rules; the enrolled hear about a new time or place. */
  async update(id: string, input: UpdateSessionDto): Promise<TrainingSessionView> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisibleForUpdate(id, manager);
      if (session.status === 'cancelled') throw sessionCancelled();
      if (input.moduleId && input.moduleId !== session.moduleId) {
        const module = (await this.plans.modulesOf([session.planId], manager)).find((m) => m.id === input.moduleId);
        if (!module) throw invalid('moduleId', 'must be a module of the plan');
        session.moduleId = module.id;
        session.businessProcess = module.businessProcess;
      }
      const { startsAt, endsAt } = times(
        input.startsAt ?? session.startsAt.toISOString(),
        input.endsAt ?? session.endsAt.toISOString(),
      );
      const current = await manager.find(SessionTrainer, { where: { sessionId: session.id } });
      // A form sends the trainers back unchanged with every edit: only a different list is a staffing change.
      const restaffed = input.trainers && !sameTrainers(current, input.trainers) ? input.trainers : null;
      if (restaffed) {
        if (!this.staffsAnySession(session.organizationId) && !current.some((t) => isLeadOf(t, currentActor().userId)))
          throw staffingForbidden();
        await this.checkTrainers(manager, session.organizationId, restaffed);
        await this.assertNotAttending(manager, session.id, restaffed);
      }
      const trainers = restaffed ?? current;
      // The lead must be qualified at the (new) start, for the (new) module's business process.
      if (restaffed || input.moduleId || startsAt.getTime() !== session.startsAt.getTime())
        await this.leadGate.assertMayLead(manager, trainers, session.businessProcess, startsAt);
      const location = input.location !== undefined ? input.location?.trim() || null : session.location;
      const enrolled = await this.activeEnrollments(manager, session.id);
      if (input.capacity !== undefined && input.capacity < enrolled.length)
        throw capacityExceeded(input.capacity, enrolled.length);
      const moved =
        startsAt.getTime() !== session.startsAt.getTime() ||
        endsAt.getTime() !== session.endsAt.getTime() ||
        location !== session.location;
      await this.lockKeys(manager, [
        ...trainers.map((t) => `user:${t.userId}`),
        ...enrolled.map((userId) => `user:${userId}`),
        ...(location ? [`place:${session.organizationId}:${normalizePlace(location)}`] : []),
      ]);
      await this.assertNoClash(
        manager,
        { id: session.id, organizationId: session.organizationId, startsAt, endsAt, location },
        trainers.map((t) => t.userId),
        enrolled,
      );
      Object.assign(session, {
        title: input.title ?? session.title,
        startsAt,
        endsAt,
        timeZone: input.timeZone ?? session.timeZone,
        location,
        onlineUrl: input.onlineUrl !== undefined ? input.onlineUrl : session.onlineUrl,
        capacity: input.capacity ?? session.capacity,
        checkInOpensMinutesBefore: input.checkInOpensMinutesBefore ?? session.checkInOpensMinutesBefore,
        checkInClosesMinutesAfter: input.checkInClosesMinutesAfter ?? session.checkInClosesMinutesAfter,
      });
      await manager.save(session);
      if (restaffed) {
        await this.saveTrainers(manager, session, restaffed);
        await this.auditStaffing(manager, session, current, restaffed);
      }
      if (moved) await this.notify(manager, session.id, 'rescheduled', enrolled);
    });
    return this.get(id);
  }

  async cancel(id: string, reason: string): Promise<TrainingSessionView> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisibleForUpdate(id, manager);
      if (session.status === 'cancelled') throw sessionCancelled();
      session.status = 'cancelled';
      session.cancelReason = reason;
      await manager.save(session);
      const trainers = await manager.find(SessionTrainer, { where: { sessionId: session.id } });
      await this.notify(manager, session.id, 'cancelled', [
        ...(await this.activeEnrollments(manager, session.id)),
        ...trainers.map((t) => t.userId),
      ]);
    });
    return this.get(id);
  }

  async enroll(id: string, input: EnrollDto): Promise<TrainingSessionView> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisibleForUpdate(id, manager);
      if (session.status === 'cancelled') throw sessionCancelled();
      const members = await this.users.membersOf(session.organizationId, input.userIds, manager);
      const strangers = input.userIds.filter((userId) => !members.includes(userId));
      if (strangers.length) throw invalid('userIds', `not active users of this client: ${strangers.join(', ')}`);
      const existing = await manager.find(SessionEnrollment, { where: { sessionId: session.id } });
      const fresh = input.userIds.filter(
        (userId) => !existing.some((e) => e.userId === userId && e.status !== 'declined'),
      );
      const trainers = await manager.find(SessionTrainer, { where: { sessionId: session.id } });
      const training = fresh.filter((userId) => trainers.some((t) => t.userId === userId));
      if (training.length) throw enrolleeIsTrainer('userIds', training);
      const active = existing.filter((e) => e.status !== 'declined').length;
      if (active + fresh.length > session.capacity) throw capacityExceeded(session.capacity, active + fresh.length);
      await this.lockKeys(
        manager,
        fresh.map((userId) => `user:${userId}`),
      );
      await this.assertNoClash(
        manager,
        {
          id: session.id,
          organizationId: session.organizationId,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          location: null,
        },
        [],
        fresh,
      );
      for (const userId of fresh) {
        const previous = existing.find((e) => e.userId === userId);
        if (previous) {
          previous.status = 'invited';
          await manager.save(previous);
        } else {
          await manager.save(
            manager.create(SessionEnrollment, {
              sessionId: session.id,
              userId,
              organizationId: session.organizationId,
              status: 'invited',
            }),
          );
        }
      }
      if (fresh.length) await this.notify(manager, session.id, 'enrolled', fresh);
    });
    return this.get(id);
  }

  async unenroll(id: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisibleForUpdate(id, manager);
      const enrollment = await manager.findOneBy(SessionEnrollment, { sessionId: session.id, userId });
      if (!enrollment) throw new NotFoundError('Enrollment');
      await manager.remove(enrollment);
    });
  }

  /** A trainee accepts or declines their own enrollment. */
  async respond(id: string, response: 'accepted' | 'declined'): Promise<TrainingSessionView> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisibleForUpdate(id, manager);
      const enrollment = await manager.findOneBy(SessionEnrollment, {
        sessionId: session.id,
        userId: currentActor().userId,
      });
      if (!enrollment) throw new NotFoundError('Enrollment');
      if (session.status === 'cancelled') throw sessionCancelled();
      if (response === 'accepted' && (await this.isTrainerOf(manager, session.id, enrollment.userId)))
        throw enrolleeIsTrainer('response', [enrollment.userId]);
      if (response === 'accepted' && enrollment.status === 'declined') {
        const active = await this.activeEnrollments(manager, session.id);
        if (active.length + 1 > session.capacity) throw capacityExceeded(session.capacity, active.length + 1);
      }
      enrollment.status = response;
      await manager.save(enrollment);
    });
    return this.get(id);
  }

  /**
   * Trainers of the session (and admins) run its sign-in, and never while they are also one of
   * its trainees. Read from the tables, not the actor's cached relationships, so a change made a
   * moment ago counts.
   */
  async assertRunsSession(session: TrainingSession, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const actor = currentActor();
    if (actor.roles.includes('admin')) return;
    const { trainer, attending } = await this.sessions.relationOf(manager, session.id, actor.userId);
    if (!trainer || attending) throw new ForbiddenError('Only the session’s trainers may do this');
  }

  /** Whether the user trains the session (lead or assistant). */
  isTrainerOf(manager: EntityManager, sessionId: string, userId: string): Promise<boolean> {
    return manager.existsBy(SessionTrainer, { sessionId, userId });
  }

  async activeEnrollments(manager: EntityManager, sessionId: string): Promise<string[]> {
    const rows = await manager.find(SessionEnrollment, {
      where: { sessionId, status: Not('declined') },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  async views(
    sessions: TrainingSession[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TrainingSessionView[]> {
    const ids = sessions.map((s) => s.id);
    const trainers = ids.length
      ? await manager.find(SessionTrainer, { where: { sessionId: In(ids) }, order: { role: 'DESC', userId: 'ASC' } })
      : [];
    const enrollments = ids.length
      ? await manager.find(SessionEnrollment, {
          where: { sessionId: In(ids) },
          order: { createdAt: 'ASC', userId: 'ASC' },
        })
      : [];
    const leads = await this.leadGate.leadStates(manager, sessions);
    return sessions.map((s) =>
      toSessionView(
        s,
        trainers.filter((t) => t.sessionId === s.id),
        enrollments.filter((e) => e.sessionId === s.id),
        leads.get(s.id) ?? null,
      ),
    );
  }

  /** Admins and the vendor's trainers serving the client staff any of its sessions; others only those they lead. */
  private staffsAnySession(organizationId: string): boolean {
    if (RequestContext.isSystem()) return true;
    const actor = currentActor();
    if (actor.roles.includes('admin')) return true;
    return (
      actor.organizationKind === 'vendor' &&
      actor.roles.includes('trainer') &&
      actor.assignedOrganizationIds.includes(organizationId)
    );
  }

  /** Nobody trains a session they are enrolled in or have checked in to. */
  private async assertNotAttending(
    manager: EntityManager,
    sessionId: string,
    trainers: SessionTrainerDto[],
  ): Promise<void> {
    const attending = await this.sessions.attendingAmong(
      manager,
      sessionId,
      trainers.map((t) => t.userId),
    );
    if (attending.length) throw trainerIsEnrolled(attending);
  }

  private async auditStaffing(
    manager: EntityManager,
    session: TrainingSession,
    before: SessionTrainerDto[],
    after: SessionTrainerDto[],
  ): Promise<void> {
    const list = (trainers: SessionTrainerDto[]) =>
      [...trainers]
        .sort((a, b) => a.role.localeCompare(b.role) || a.userId.localeCompare(b.userId))
        .map((t) => ({ userId: t.userId, role: t.role }));
    await recordAudit(manager, {
      action: 'staff',
      entity: 'TrainingSession',
      entityId: session.id,
      organizationId: session.organizationId,
      before: { trainers: list(before) },
      after: { trainers: list(after) },
    });
  }

  private async notify(
    manager: EntityManager,
    sessionId: string,
    change: SessionChange,
    userIds: string[],
  ): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length) await this.outbox.enqueue(manager, 'session.notify', { sessionId, change, userIds: unique });
  }

  private async checkTrainers(
    manager: EntityManager,
    organizationId: string,
    trainers: SessionTrainerDto[],
  ): Promise<void> {
    const ids = trainers.map((t) => t.userId);
    if (new Set(ids).size !== ids.length) throw invalid('trainers', 'names a trainer twice');
    if (!trainers.some((t) => t.role === 'lead')) throw invalid('trainers', 'needs a lead trainer');
    const leadIds = trainers.filter((t) => t.role === 'lead').map((t) => t.userId);
    const valid = [
      ...(await this.users.trainersFor(organizationId, ids, manager)),
      // Candidates co-deliver as assistants before they hold the trainer role.
      ...(await this.leadGate.onTrack(manager, organizationId, ids)),
      // A client's own people are judged as leads by the lead gate, which says what they lack.
      ...(await this.users.membersOf(organizationId, leadIds, manager)),
    ];
    const invalidIds = ids.filter((userId) => !valid.includes(userId));
    if (invalidIds.length) throw invalid('trainers', `not trainers of this client: ${invalidIds.join(', ')}`);
  }

  private async saveTrainers(
    manager: EntityManager,
    session: TrainingSession,
    trainers: SessionTrainerDto[],
  ): Promise<void> {
    const current = await manager.find(SessionTrainer, { where: { sessionId: session.id } });
    const removed = current.filter((c) => !trainers.some((t) => t.userId === c.userId));
    const changed = [
      ...removed.map((r) => r.userId),
      ...trainers.filter((t) => !current.some((c) => c.userId === t.userId && c.role === t.role)).map((t) => t.userId),
    ];
    // Co-delivering (or no longer) counts towards a qualification.
    await this.outbox.enqueueMany(
      manager,
      'qualification.evaluate',
      changed.map((userId) => ({ userId })),
    );
    if (removed.length) await manager.remove(removed);
    for (const trainer of trainers) {
      const existing = current.find((c) => c.userId === trainer.userId);
      if (existing && existing.role === trainer.role) continue;
      await manager.save(
        existing
          ? Object.assign(existing, { role: trainer.role })
          : manager.create(SessionTrainer, {
              sessionId: session.id,
              userId: trainer.userId,
              organizationId: session.organizationId,
              role: trainer.role,
            }),
      );
    }
  }

  /** Serialises bookings of the same people and rooms, so two concurrent requests cannot both pass the clash check. */
  private async lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort())
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  private async assertNoClash(
    manager: EntityManager,
    slot: { id: string | null; organizationId: string; startsAt: Date; endsAt: Date; location: string | null },
    trainerIds: string[],
    traineeIds: string[],
  ): Promise<void> {
    const params = [slot.startsAt, slot.endsAt, slot.id ?? '00000000-0000-0000-0000-000000000000'];
    const overlapping = `s.status = 'scheduled' AND s.id <> $3 AND s.starts_at < $2 AND s.ends_at > $1`;
    if (trainerIds.length) {
      const [other]: ClashingSession[] = await manager.query(
        `SELECT s.id, s.organization_id, s.title, s.starts_at, s.ends_at, t.user_id FROM training_session s
           JOIN session_trainer t ON t.session_id = s.id
          WHERE ${overlapping} AND t.user_id = ANY($4::uuid[]) ORDER BY s.starts_at LIMIT 1`,
        [...params, trainerIds],
      );
      if (other) throw clash('TRAINER_CLASH', other, slot.organizationId);
    }
    if (slot.location) {
      const [other]: ClashingSession[] = await manager.query(
        `SELECT s.id, s.organization_id, s.title, s.starts_at, s.ends_at FROM training_session s
          WHERE ${overlapping} AND s.organization_id = $4 AND lower(regexp_replace(s.location, '\\s+', '', 'g')) = $5
          ORDER BY s.starts_at LIMIT 1`,
        [...params, slot.organizationId, normalizePlace(slot.location)],
      );
      if (other) throw clash('LOCATION_CLASH', other, slot.organizationId);
    }
    if (traineeIds.length) {
      const [other]: ClashingSession[] = await manager.query(
        `SELECT s.id, s.organization_id, s.title, s.starts_at, s.ends_at, e.user_id FROM training_session s
           JOIN session_enrollment e ON e.session_id = s.id
          WHERE ${overlapping} AND e.status <> 'declined' AND e.user_id = ANY($4::uuid[]) ORDER BY s.starts_at LIMIT 1`,
        [...params, traineeIds],
      );
      if (other) throw clash('TRAINEE_CLASH', other, slot.organizationId);
    }
  }
}

const isLeadOf = (trainer: { userId: string; role: string }, userId: string) =>
  trainer.role === 'lead' && trainer.userId === userId;

const sameTrainers = (a: { userId: string; role: string }[], b: { userId: string; role: string }[]) =>
  a.length === b.length && a.every((t) => b.some((u) => u.userId === t.userId && u.role === t.role));

const normalizePlace = (place: string) => place.replace(/\s+/g, '').toLowerCase();

const invalid = (field: string, message: string) =>
  new UnprocessableError('REFERENCE_INVALID', `${field}: ${message}`, [{ field, message }]);

function times(start: string, end: string): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(start);
  const endsAt = new Date(end);
  if (!(endsAt > startsAt))
    throw new UnprocessableError('SESSION_TIMES_INVALID', 'endsAt must be after startsAt', [
      { field: 'endsAt', message: 'must be after startsAt' },
    ]);
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_HOURS * 3_600_000) {
    throw new UnprocessableError('SESSION_TIMES_INVALID', `A session lasts at most ${MAX_SESSION_HOURS} hours`, [
      { field: 'endsAt', message: `at most ${MAX_SESSION_HOURS} hours after startsAt` },
    ]);
  }
  return { startsAt, endsAt };
}
