import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AttendanceStatus, CheckInMethod, JOB_QUEUE } from '@cascade/contracts';
import {
  ListSpec,
  NotFoundError,
  RequestContext,
  ScopedRepository,
  ScopeRules,
  visibleOrganizationIds,
} from '@cascade/server/core';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import { Attendance } from './attendance.entity';
import { TrainingSession } from './training-session.entity';

export interface CheckInTarget {
  session: TrainingSession;
  enrolled: boolean;
  /** The person trains the session, so may not check in to it. */
  trainer: boolean;
  existing: Attendance | null;
  /** Wrong codes so far, and whether their code entry is closed. */
  failures: { wrongCodes: number; lockedAt: Date | null } | null;
}

export interface NewCheckIn {
  sessionId: string;
  userId: string;
  organizationId: string;
  status: AttendanceStatus;
  method: CheckInMethod;
  checkedInAt: Date;
  minutesLate: number;
  walkIn: boolean;
}

@Injectable()
export class SessionsRepository extends ScopedRepository<TrainingSession> {
  protected readonly alias = 'session';
  protected readonly entityName = 'Session';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    // Trainees see the sessions they are enrolled in or help deliver.
    selfCondition: `EXISTS (SELECT 1 FROM session_enrollment e WHERE e.session_id = {alias}.id AND e.user_id = :scopeSelfId)
      OR EXISTS (SELECT 1 FROM session_trainer t WHERE t.session_id = {alias}.id AND t.user_id = :scopeSelfId)
      OR EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = {alias}.id AND a.user_id = :scopeSelfId)`,
  };
  readonly listSpec: ListSpec = {
    sortable: { startsAt: 'startsAt', title: 'title', createdAt: 'createdAt' },
    defaultSort: 'startsAt',
    searchable: ['title', 'location', 'businessProcess'],
    filters: {
      planId: 'planId',
      moduleId: 'moduleId',
      organizationId: 'organizationId',
      status: 'status',
      from: (qb, value) => qb.andWhere('session.ends_at > :from', { from: value }),
      to: (qb, value) => qb.andWhere('session.starts_at < :to', { to: value }),
      trainerId: (qb, value) =>
        qb.andWhere(
          'EXISTS (SELECT 1 FROM session_trainer ft WHERE ft.session_id = session.id AND ft.user_id = :trainerId)',
          {
            trainerId: value,
          },
        ),
      traineeId: (qb, value) =>
        qb.andWhere(
          `EXISTS (SELECT 1 FROM session_enrollment fe WHERE fe.session_id = session.id AND fe.user_id = :traineeId AND fe.status <> 'declined')`,
          { traineeId: value },
        ),
    },
  };

  constructor(@InjectRepository(TrainingSession) repository: Repository<TrainingSession>) {
    super(repository);
  }

  /**
   * The session, the person's enrollment and any earlier check-in, in one round trip. Any
   * session of the person's own organization qualifies: someone not enrolled becomes a walk-in.
   */
  async forCheckIn(sessionId: string, userId: string): Promise<CheckInTarget> {
    const visible = visibleOrganizationIds();
    const rows: Record<string, unknown>[] = isUUID(sessionId)
      ? await this.repository.query(
          `SELECT s.id, s.organization_id, s.status, s.starts_at, s.check_in_opens_minutes_before,
                  s.check_in_closes_minutes_after, s.check_in_secret,
                  EXISTS (SELECT 1 FROM session_enrollment e WHERE e.session_id = s.id AND e.user_id = $2 AND e.status <> 'declined') AS enrolled,
                  EXISTS (SELECT 1 FROM session_trainer t WHERE t.session_id = s.id AND t.user_id = $2) AS trainer,
                  (SELECT row_to_json(a) FROM attendance a WHERE a.session_id = s.id AND a.user_id = $2) AS existing,
                  (SELECT json_build_object('wrongCodes', f.wrong_codes, 'lockedAt', f.locked_at)
                     FROM check_in_failure f WHERE f.session_id = s.id AND f.user_id = $2) AS failures
             FROM training_session s
            WHERE s.id = $1 AND ($3::uuid[] IS NULL OR s.organization_id = ANY($3::uuid[]))`,
          [sessionId, userId, visible],
        )
      : [];
    const row = rows[0];
    if (!row) throw new NotFoundError(this.entityName);
    const session = Object.assign(new TrainingSession(), {
      id: row.id,
      organizationId: row.organization_id,
      status: row.status,
      startsAt: new Date(row.starts_at as string),
      checkInOpensMinutesBefore: row.check_in_opens_minutes_before,
      checkInClosesMinutesAfter: row.check_in_closes_minutes_after,
      checkInSecret: row.check_in_secret,
    });
    const failures = row.failures as { wrongCodes: number; lockedAt: string | null } | null;
    return {
      session,
      enrolled: row.enrolled as boolean,
      trainer: row.trainer as boolean,
      existing: row.existing ? attendanceFromRow(row.existing as Record<string, unknown>) : null,
      failures: failures
        ? { wrongCodes: failures.wrongCodes, lockedAt: failures.lockedAt ? new Date(failures.lockedAt) : null }
        : null,
    };
  }

  /** Whether the person trains the session, and whether they attend it (enrolled, or checked in). */
  async relationOf(
    manager: EntityManager,
    sessionId: string,
    userId: string,
  ): Promise<{ trainer: boolean; attending: boolean }> {
    const [row]: { trainer: boolean; attending: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM session_trainer WHERE session_id = $1 AND user_id = $2) AS trainer,
              EXISTS (SELECT 1 FROM session_enrollment WHERE session_id = $1 AND user_id = $2 AND status <> 'declined')
              OR EXISTS (SELECT 1 FROM attendance WHERE session_id = $1 AND user_id = $2) AS attending`,
      [sessionId, userId],
    );
    return row;
  }

  /** Of `userIds`, those enrolled in the session or checked in to it, sorted. */
  async attendingAmong(manager: EntityManager, sessionId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { user_id: string }[] = await manager.query(
      `SELECT user_id FROM session_enrollment WHERE session_id = $1 AND user_id = ANY($2::uuid[]) AND status <> 'declined'
       UNION SELECT user_id FROM attendance WHERE session_id = $1 AND user_id = ANY($2::uuid[])
       ORDER BY user_id`,
      [sessionId, userIds],
    );
    return rows.map((r) => r.user_id);
  }

  /** Counts one more wrong code in one statement; at `limit` the entry closes (and stays closed). */
  async recordWrongCode(
    session: Pick<TrainingSession, 'id' | 'organizationId'>,
    userId: string,
    limit: number,
  ): Promise<{ wrongCodes: number; lockedAt: Date | null }> {
    const [row]: { wrong_codes: number; locked_at: Date | null }[] = await this.repository.query(
      `INSERT INTO check_in_failure AS f (session_id, user_id, organization_id, wrong_codes, locked_at)
       VALUES ($1, $2, $3, 1, CASE WHEN 1 >= $4 THEN now() END)
       ON CONFLICT (session_id, user_id) DO UPDATE
          SET wrong_codes = f.wrong_codes + 1,
              locked_at = coalesce(f.locked_at, CASE WHEN f.wrong_codes + 1 >= $4 THEN now() END),
              updated_at = now()
       RETURNING wrong_codes, locked_at`,
      [session.id, userId, session.organizationId, limit],
    );
    return { wrongCodes: row.wrong_codes, lockedAt: row.locked_at };
  }

  /** Inserts the check-in and its audit entry in one statement; null when the person had already checked in. */
  async insertCheckIn(c: NewCheckIn): Promise<Attendance | null> {
    const rows: Record<string, unknown>[] = await this.repository.query(
      `WITH inserted AS (
         INSERT INTO attendance (session_id, user_id, organization_id, status, method, checked_in_at, minutes_late, walk_in)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (session_id, user_id) DO NOTHING
         RETURNING *
       ), audited AS (
         INSERT INTO audit_entry (actor_id, action, entity, entity_id, organization_id, before, after)
         SELECT $9, 'create', 'Attendance', id::text, organization_id, NULL,
                jsonb_build_object('id', id, 'sessionId', session_id, 'userId', user_id, 'organizationId', organization_id,
                  'status', status, 'method', method, 'checkedInAt', checked_in_at, 'minutesLate', minutes_late,
                  'walkIn', walk_in, 'note', note, 'markedBy', marked_by)
           FROM inserted
       ), evaluated AS (
         -- Attendance counts towards a qualification; only people on a track need a job.
         INSERT INTO outbox (queue, job_name, payload)
         SELECT '${JOB_QUEUE['qualification.evaluate']}', 'qualification.evaluate', jsonb_build_object('userId', user_id)
           FROM inserted
          WHERE EXISTS (SELECT 1 FROM qualification q
                         WHERE q.user_id = inserted.user_id AND q.status IN ('candidate', 'in_progress'))
       )
       SELECT row_to_json(inserted) AS row FROM inserted`,
      [
        c.sessionId,
        c.userId,
        c.organizationId,
        c.status,
        c.method,
        c.checkedInAt,
        c.minutesLate,
        c.walkIn,
        RequestContext.actor()?.userId ?? null,
      ],
    );
    return rows[0] ? attendanceFromRow(rows[0].row as Record<string, unknown>) : null;
  }
}

function attendanceFromRow(row: Record<string, unknown>): Attendance {
  return Object.assign(new Attendance(), {
    id: row.id,
    sessionId: row.session_id,
    userId: row.user_id,
    organizationId: row.organization_id,
    status: row.status,
    method: row.method,
    checkedInAt: row.checked_in_at ? new Date(row.checked_in_at as string) : null,
    minutesLate: row.minutes_late,
    walkIn: row.walk_in,
    note: row.note,
    markedBy: row.marked_by,
    updatedAt: new Date(row.updated_at as string),
  });
}
