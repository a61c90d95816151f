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
import { Repository } from 'typeorm';
import { Attendance } from './attendance.entity';
import { TrainingSession } from './training-session.entity';

export interface CheckInTarget {
  session: TrainingSession;
  enrolled: boolean;
  existing: Attendance | null;
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
                  (SELECT row_to_json(a) FROM attendance a WHERE a.session_id = s.id AND a.user_id = $2) AS existing
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
    return {
      session,
      enrolled: row.enrolled as boolean,
      existing: row.existing ? attendanceFromRow(row.existing as Record<string, unknown>) : null,
    };
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
