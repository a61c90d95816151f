import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, QualificationView } from '@cascade/contracts';
import { CertificatesService } from '@cascade/server/certificates';
import {
  assertMay,
  ConflictError,
  currentActor,
  ForbiddenError,
  NotFoundError,
  recordAudit,
  UnprocessableError,
  ValidationFailedError,
} from '@cascade/server/core';
import { UsersRepository } from '@cascade/server/identity';
import { NotificationsService } from '@cascade/server/notifications';
import { JobHandlers, PeriodicTasks } from '@cascade/server/queue';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { evaluateQualification, Evaluation } from './qualification-evaluation';
import { Qualification, QualificationTrack } from './qualification.entities';
import { QualificationTracksService } from './qualification-tracks.service';
import { QualificationsRepository } from './qualifications.repositories';
import { NominateDto, QualificationListQuery } from './qualifications.dto';

/** Expiry is checked hourly; reminders and expiry notices are each sent once, so "daily" is an upper bound. */
export const QUALIFICATION_SWEEP_EVERY_MS = 3_600_000;
/** Days before expiry when the person and their manager are reminded. */
export const EXPIRY_REMINDER_DAYS = [30, 7] as const;
const DAY_MS = 86_400_000;

@Injectable()
export class QualificationsService implements OnModuleInit {
  constructor(
    private readonly qualifications: QualificationsRepository,
    private readonly tracks: QualificationTracksService,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
    private readonly certificates: CertificatesService,
    private readonly handlers: JobHandlers,
    private readonly periodic: PeriodicTasks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('qualification.evaluate', ({ userId }) => this.evaluateUser(userId));
    this.periodic.register('qualification.sweep', QUALIFICATION_SWEEP_EVERY_MS, () => this.sweep());
  }

  async list(query: QualificationListQuery): Promise<ListResult<QualificationView>> {
    const { data, total } = await this.qualifications.list(query, this.qualifications.listSpec);
    return { data: await this.views(data), total };
  }

  async get(id: string): Promise<QualificationView> {
    const [view] = await this.views([await this.qualifications.findVisible(id)]);
    return view;
  }

  /** Makes a user of the track's client a candidate and evaluates them at once: earlier records count. */
  async nominate(input: NominateDto): Promise<QualificationView> {
    const nominator = currentActor().userId;
    if (input.userId === nominator) throw new ForbiddenError('Nobody nominates themselves');
    const id = await this.dataSource.transaction(async (manager) => {
      const track = await this.tracks.findVisible(input.trackId, manager).catch(() => {
        throw new UnprocessableError('REFERENCE_INVALID', 'trackId: no such track', [
          { field: 'trackId', message: 'is not a visible qualification track' },
        ]);
      });
      if (!track.active)
        throw new UnprocessableError('TRACK_INACTIVE', 'trackId: the track is not active', [
          { field: 'trackId', message: 'is not active' },
        ]);
      const members = await this.users.membersOf(track.organizationId, [input.userId], manager);
      if (members.length === 0)
        throw new UnprocessableError('REFERENCE_INVALID', 'userId: not an active user of the track’s client', [
          { field: 'userId', message: 'is not an active user of the track’s client' },
        ]);
      // A manager puts forward the people of the departments they head, nobody else's.
      assertMay('nominate', 'Qualification', {
        organizationId: track.organizationId,
        userId: input.userId,
        departmentId: await this.users.departmentOf(input.userId, manager),
      });
      // One nomination at a time per person and track.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `qualification:${track.id}:${input.userId}`,
      ]);
      const earlier = await manager.find(Qualification, {
        where: { trackId: track.id, userId: input.userId },
        order: { createdAt: 'DESC' },
      });
      const open = earlier.find((q) => ['candidate', 'in_progress', 'qualified'].includes(q.status));
      if (open)
        throw new ConflictError('ALREADY_ON_TRACK', 'The person is already on this track', {
          qualificationId: open.id,
          currentStatus: open.status,
        });
      const saved = await manager.save(
        manager.create(Qualification, {
          trackId: track.id,
          userId: input.userId,
          organizationId: track.organizationId,
          status: 'candidate',
          progress: [],
          renewalProgress: [],
          // A second candidacy after expiry or revocation starts from a clean slate.
          evidenceSince: earlier.length ? new Date() : null,
          nominatedBy: nominator,
        }),
      );
      await this.evaluateLocked(manager, saved, track, undefined, new Date());
      const previous = earlier[0];
      await recordAudit(manager, {
        action: 'nominate',
        entity: 'Qualification',
        entityId: saved.id,
        organizationId: saved.organizationId,
        before: previous ? { previousQualificationId: previous.id, status: previous.status } : null,
        after: {
          trackId: saved.trackId,
          userId: saved.userId,
          status: saved.status,
          evidenceSince: saved.evidenceSince?.toISOString() ?? null,
          nominatedBy: nominator,
        },
      });
      return saved.id;
    });
    return this.get(id);
  }

  /**
   * Ends a qualification with a reason. Revoking is the vendor's judgement (its trainers serving
   * the client, and admins), never a peer's: the policy decides, on the qualification's record.
   */
  async revoke(id: string, reasonInput: string): Promise<QualificationView> {
    const reason = reasonInput.trim();
    if (!reason) throw new ValidationFailedError([{ field: 'reason', message: 'must not be empty' }]);
    await this.dataSource.transaction(async (manager) => {
      const qualification = await this.qualifications.findVisibleForUpdate(id, manager);
      const person = (await this.qualifications.peopleOf(manager, [qualification.userId])).get(qualification.userId);
      assertMay('revoke', 'Qualification', {
        id: qualification.id,
        organizationId: qualification.organizationId,
        trackId: qualification.trackId,
        userId: qualification.userId,
        departmentId: person?.departmentId ?? null,
      });
      if (qualification.status === 'revoked' || qualification.status === 'expired')
        throw new ConflictError('QUALIFICATION_CLOSED', `The qualification is already ${qualification.status}`, {
          currentStatus: qualification.status,
        });
      const before = { status: qualification.status, revokedAt: null, revokeReason: null, revokedBy: null };
      Object.assign(qualification, {
        status: 'revoked',
        revokedAt: new Date(),
        revokeReason: reason,
        revokedBy: currentActor().userId,
      });
      await manager.save(qualification);
      await this.certificates.revokeFor(manager, qualification.id, reason);
      await recordAudit(manager, {
        action: 'revoke',
        entity: 'Qualification',
        entityId: qualification.id,
        organizationId: qualification.organizationId,
        before,
        after: {
          status: qualification.status,
          revokedAt: qualification.revokedAt!.toISOString(),
          revokeReason: reason,
          revokedBy: qualification.revokedBy,
        },
      });
    });
    return this.get(id);
  }

  /** Re-evaluates one visible qualification now (the console's "refresh"); the same records give the same answer. */
  async evaluate(id: string): Promise<QualificationView> {
    const qualification = await this.qualifications.findVisible(id);
    await this.evaluateUser(qualification.userId);
    return this.get(id);
  }

  /**
   * Re-evaluates every open qualification of a person from their records, in one
   * transaction with the rows locked, so concurrent jobs for the same person serialise.
   */
  async evaluateUser(userId: string, now = new Date()): Promise<void> {
    if (!isUUID(userId)) return;
    await this.dataSource.transaction(async (manager) => {
      const open = await this.qualifications.openOf(manager, userId);
      if (open.length === 0) return;
      const tracks = await manager.findBy(QualificationTrack, { id: In([...new Set(open.map((q) => q.trackId))]) });
      const facts = await this.qualifications.factsOf(manager, userId);
      for (const qualification of open)
        await this.evaluateLocked(
          manager,
          qualification,
          tracks.find((t) => t.id === qualification.trackId)!,
          facts,
          now,
        );
    });
  }

  /**
   * Expires what is past its expiry (re-evaluating first, so a renewal earned in time still
   * counts) and reminds people 30 and 7 days before. `now` lets tests move the clock.
   */
  async sweep(now = new Date()): Promise<{ evaluated: number; reminded: number }> {
    const people: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM qualification WHERE status IN ('candidate', 'in_progress', 'qualified')`,
    );
    for (const person of people) await this.evaluateUser(person.user_id, now);
    let reminded = 0;
    const due: { id: string; expires_at: Date }[] = await this.dataSource.query(
      `SELECT id, expires_at FROM qualification
        WHERE status = 'qualified' AND expires_at > $1 AND expires_at <= $1 + make_interval(days => $2)`,
      [now, EXPIRY_REMINDER_DAYS[0]],
    );
    for (const row of due) {
      const daysLeft = (row.expires_at.getTime() - now.getTime()) / DAY_MS;
      // Inside 7 days only the 7-day reminder goes out, even if the 30-day one was missed.
      const days = [...EXPIRY_REMINDER_DAYS].reverse().find((d) => daysLeft <= d)!;
      if (await this.remind(row.id, row.expires_at, days, now)) reminded++;
    }
    return { evaluated: people.length, reminded };
  }

  private async remind(id: string, expiresAt: Date, days: number, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO qualification_reminder (qualification_id, expires_at, days, sent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING qualification_id`,
        [id, expiresAt, days, now],
      );
      if (claimed.length === 0) return false;
      const qualification = await manager.findOneByOrFail(Qualification, { id });
      const track = await manager.findOneByOrFail(QualificationTrack, { id: qualification.trackId });
      await this.tell(manager, 'qualification.expiring', qualification, track, {
        key: `qualification.expiring:${id}:${expiresAt.toISOString()}:${days}`,
        withManager: true,
        vars: { days: String(Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS))) },
      });
      return true;
    });
  }

  private async evaluateLocked(
    manager: EntityManager,
    qualification: Qualification,
    track: QualificationTrack,
    knownFacts: Awaited<ReturnType<QualificationsRepository['factsOf']>> | undefined,
    now: Date,
  ): Promise<void> {
    const facts = knownFacts ?? (await this.qualifications.factsOf(manager, qualification.userId));
    const before = {
      status: qualification.status,
      evidenceSince: qualification.evidenceSince,
      qualifiedAt: qualification.qualifiedAt,
      expiresAt: qualification.expiresAt,
      renewedAt: qualification.renewedAt,
    };
    const result = evaluateQualification(track, facts, before, now);
    if (!changed(qualification, result)) return;
    Object.assign(qualification, {
      status: result.status,
      qualifiedAt: result.qualifiedAt,
      expiresAt: result.expiresAt,
      renewedAt: result.renewedAt,
      progress: result.progress,
      renewalProgress: result.renewalProgress,
      evaluatedAt: now,
    });
    const becameQualified = before.status !== 'qualified' && result.qualifiedAt && !before.qualifiedAt;
    const renewed = result.renewedAt && result.renewedAt.getTime() !== before.renewedAt?.getTime();
    if (result.status === 'expired' && before.status !== 'expired') qualification.expiredAt = now;
    // No role is stored: a client user is a trainer exactly while a qualification of theirs is valid.
    if (becameQualified || renewed) {
      const certificate = await this.certificates.issue(manager, {
        kind: 'qualification',
        sourceId: qualification.id,
        userId: qualification.userId,
        organizationId: qualification.organizationId,
        title: track.title,
        achievedAt: (result.renewedAt ?? result.qualifiedAt)!,
        expiresAt: result.expiresAt,
      });
      qualification.certificateId = certificate.id;
    }
    await manager.save(qualification);
    if (becameQualified && result.status === 'qualified')
      await this.tell(manager, 'qualification.qualified', qualification, track, {
        key: `qualification.qualified:${qualification.id}:${result.qualifiedAt!.toISOString()}`,
        withManager: false,
        vars: {},
      });
    if (result.status === 'expired' && before.status !== 'expired')
      await this.tell(manager, 'qualification.expired', qualification, track, {
        key: `qualification.expired:${qualification.id}`,
        withManager: true,
        vars: {},
      });
  }

  private async tell(
    manager: EntityManager,
    event: 'qualification.qualified' | 'qualification.expiring' | 'qualification.expired',
    qualification: Qualification,
    track: QualificationTrack,
    options: { key: string; withManager: boolean; vars: Record<string, string> },
  ): Promise<void> {
    const [person]: { name: string; manager_id: string | null }[] = await manager.query(
      `SELECT u.name, d.manager_id FROM app_user u LEFT JOIN department d ON d.id = u.department_id WHERE u.id = $1`,
      [qualification.userId],
    );
    const recipients = [qualification.userId];
    if (options.withManager && person?.manager_id && person.manager_id !== qualification.userId)
      recipients.push(person.manager_id);
    const expires = qualification.expiresAt;
    await this.notifications.notify(
      event,
      recipients,
      { track: track.title, person: person?.name ?? '', ...options.vars },
      {
        key: options.key,
        manager,
        link: `/qualifications/${qualification.id}/show`,
        organizationId: qualification.organizationId,
        varsFor: (recipient) => ({
          expires: expires
            ? new Intl.DateTimeFormat(recipient.locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
                expires,
              )
            : '',
        }),
        data: {
          qualificationId: qualification.id,
          trackId: track.id,
          userId: qualification.userId,
          status: qualification.status,
          qualifiedAt: qualification.qualifiedAt?.toISOString() ?? null,
          expiresAt: expires?.toISOString() ?? null,
          certificateId: qualification.certificateId,
        },
      },
    );
  }

  private async views(rows: Qualification[]): Promise<QualificationView[]> {
    const manager = this.dataSource.manager;
    const people = await this.qualifications.peopleOf(manager, [...new Set(rows.map((q) => q.userId))]);
    const trackIds = [...new Set(rows.map((q) => q.trackId))];
    const tracks = trackIds.length ? await manager.findBy(QualificationTrack, { id: In(trackIds) }) : [];
    return rows.map((q) => {
      const person = people.get(q.userId);
      const track = tracks.find((t) => t.id === q.trackId);
      if (!track || !person) throw new NotFoundError('Qualification');
      return {
        id: q.id,
        trackId: q.trackId,
        trackTitle: track.title,
        businessProcesses: track.businessProcesses,
        userId: q.userId,
        userName: person.name,
        departmentId: person.departmentId,
        departmentName: person.departmentName,
        attitude: person.attitude,
        organizationId: q.organizationId,
        status: q.status,
        progress: q.progress,
        renewal: q.renewalProgress,
        evidenceSince: q.evidenceSince?.toISOString() ?? null,
        qualifiedAt: q.qualifiedAt?.toISOString() ?? null,
        expiresAt: q.expiresAt?.toISOString() ?? null,
        renewedAt: q.renewedAt?.toISOString() ?? null,
        revokedAt: q.revokedAt?.toISOString() ?? null,
        revokeReason: q.revokeReason,
        certificateId: q.certificateId,
        nominatedBy: q.nominatedBy,
        evaluatedAt: q.evaluatedAt?.toISOString() ?? null,
        createdAt: q.createdAt.toISOString(),
        updatedAt: q.updatedAt.toISOString(),
      };
    });
  }
}

const time = (d: Date | null) => d?.getTime() ?? null;

/** Only a different outcome is written: re-evaluating the same records leaves the row untouched. */
function changed(q: Qualification, result: Evaluation): boolean {
  return (
    q.status !== result.status ||
    time(q.qualifiedAt) !== time(result.qualifiedAt) ||
    time(q.expiresAt) !== time(result.expiresAt) ||
    time(q.renewedAt) !== time(result.renewedAt) ||
    canonical(q.progress) !== canonical(result.progress) ||
    canonical(q.renewalProgress) !== canonical(result.renewalProgress)
  );
}

/** JSON with sorted keys: jsonb hands keys back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
