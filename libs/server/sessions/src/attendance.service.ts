import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AttendanceSheetView,
  AttendanceSummaryView,
  AttendanceView,
  CheckInCodeView,
  CheckInEntryView,
} from '@cascade/contracts';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import {
  assertMay,
  ConflictError,
  currentActor,
  InputError,
  NotFoundError,
  recordAudit,
  TooManyRequestsError,
  UnprocessableError,
} from '@cascade/server/core';
import { UsersRepository } from '@cascade/server/identity';
import { PlansService } from '@cascade/server/plans';
import { Outbox } from '@cascade/server/queue';
import { Inject } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { Attendance } from './attendance.entity';
import { CheckInFailure } from './check-in-failure.entity';
import { CheckInLimiter, WRONG_CODES_BEFORE_LOCK } from './check-in-limiter';
import { CHECK_IN_PERIOD_SECONDS, currentCode, isValidCode } from './check-in-code';
import { MarkAttendanceDto } from './session.dto';
import { checkInWindow } from './session.view';
import { checkInLocked, enrolleeIsTrainer, ownAttendance, sessionCancelled } from './sessions.errors';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { TrainingSession } from './training-session.entity';

export interface CheckInResult {
  attendance: AttendanceView;
  /** False when the person had already checked in: the first record is returned. */
  created: boolean;
}

@Injectable()
export class AttendanceService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly sessionsRepository: SessionsRepository,
    private readonly plans: PlansService,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    private readonly limiter: CheckInLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async checkInCode(sessionId: string): Promise<CheckInCodeView> {
    const session = await this.sessions.findVisible(sessionId);
    await this.sessions.assertRunsSession(session);
    if (session.status === 'cancelled') throw sessionCancelled();
    const secret = await this.secretOf(session.id);
    const { code, expiresAt } = currentCode(secret);
    return {
      code,
      url: `${this.config.publicUrl}/checkin/${session.id}?code=${code}`,
      expiresAt: expiresAt.toISOString(),
      periodSeconds: CHECK_IN_PERIOD_SECONDS,
    };
  }

  /**
   * A person checks themselves in with the rotating code. Checking in twice returns the
   * first record; someone not enrolled is recorded as a walk-in awaiting a trainer's approval.
   * Guessing is paced (a few wrong codes a minute, then 429) and capped: at the total limit
   * the person's code entry closes for the session, even for the right code.
   */
  async checkIn(sessionId: string, code: string, method: 'qr' | 'code'): Promise<CheckInResult> {
    const actor = currentActor();
    // The sign-in burst path: one read and one write, so a room of phones is served in seconds.
    const target = await this.sessionsRepository.forCheckIn(sessionId, actor.userId);
    if (target.existing) return { attendance: toView(target.existing), created: false };
    const { session } = target;
    if (session.status === 'cancelled') throw sessionCancelled();
    if (target.trainer) throw enrolleeIsTrainer('userId', [actor.userId]);
    const now = new Date();
    const window = checkInWindow(session);
    if (now < window.opensAt || now > window.closesAt) {
      throw new ConflictError(
        'CHECK_IN_CLOSED',
        `Check-in is open from ${window.opensAt.toISOString()} to ${window.closesAt.toISOString()}`,
        {
          opensAt: window.opensAt.toISOString(),
          closesAt: window.closesAt.toISOString(),
        },
      );
    }
    if (target.failures?.lockedAt) throw checkInLocked(target.failures.lockedAt);
    // Only someone who entered a wrong code before can be waiting: the room's first scans skip the counter.
    if (target.failures) {
      const wait = await this.limiter.retryAfter(session.id, actor.userId);
      if (wait !== null) throw tooManyWrongCodes(wait);
    }
    if (!isValidCode(session.checkInSecret, code.trim(), now.getTime())) {
      const failures = await this.sessionsRepository.recordWrongCode(session, actor.userId, WRONG_CODES_BEFORE_LOCK);
      if (failures.lockedAt) throw checkInLocked(failures.lockedAt);
      const wait = await this.limiter.wrongCode(session.id, actor.userId);
      if (wait !== null) throw tooManyWrongCodes(wait);
      throw new UnprocessableError(
        'CHECK_IN_CODE_INVALID',
        'The code is wrong or has expired; scan the current QR code',
        [{ field: 'code', message: 'is wrong or expired' }],
      );
    }
    const minutesLate = Math.max(0, Math.floor((now.getTime() - session.startsAt.getTime()) / 60_000));
    const inserted = await this.sessionsRepository.insertCheckIn({
      sessionId: session.id,
      userId: actor.userId,
      organizationId: session.organizationId,
      status: !target.enrolled ? 'pending_approval' : minutesLate > 0 ? 'late' : 'present',
      method,
      checkedInAt: now,
      minutesLate,
      walkIn: !target.enrolled,
    });
    if (inserted) return { attendance: toView(inserted), created: true };
    // Two check-ins of one person at the same moment: the unique index kept the first.
    const first = await this.dataSource
      .getRepository(Attendance)
      .findOneByOrFail({ sessionId: session.id, userId: actor.userId });
    return { attendance: toView(first), created: false };
  }

  /**
   * A trainer marks anyone present, late, excused or absent; approving a walk-in is marking them
   * present. Nobody marks themselves, and the session's trainers are not among its attendees.
   */
  async mark(sessionId: string, input: MarkAttendanceDto): Promise<AttendanceView> {
    if (input.status === 'excused' && !input.note?.trim()) throw new InputError('note', 'is required when excused');
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisible(sessionId, manager);
      if (input.userId === currentActor().userId) throw ownAttendance();
      await this.sessions.assertRunsSession(session, manager);
      if (await this.sessions.isTrainerOf(manager, session.id, input.userId))
        throw enrolleeIsTrainer('userId', [input.userId]);
      const member = await this.users.membersOf(session.organizationId, [input.userId], manager);
      if (member.length === 0)
        throw new UnprocessableError('REFERENCE_INVALID', 'userId: not a user of this client', [
          { field: 'userId', message: 'is not a user of this client' },
        ]);
      const existing = await manager.findOneBy(Attendance, { sessionId: session.id, userId: input.userId });
      const before = existing ? toView(existing) : null;
      const now = new Date();
      const record =
        existing ??
        manager.create(Attendance, {
          sessionId: session.id,
          userId: input.userId,
          organizationId: session.organizationId,
          method: 'manual',
          checkedInAt: null,
          minutesLate: 0,
          walkIn: false,
        });
      record.status = input.status;
      record.note = input.note?.trim() || null;
      record.markedBy = currentActor().userId;
      if ((input.status === 'present' || input.status === 'late') && !record.checkedInAt) record.checkedInAt = now;
      if (input.status === 'late' && record.minutesLate === 0) {
        record.minutesLate = Math.max(0, Math.floor((now.getTime() - session.startsAt.getTime()) / 60_000));
      }
      if (input.status === 'present') record.minutesLate = existing?.status === 'late' ? 0 : record.minutesLate;
      const saved = await manager.save(record);
      await this.outbox.enqueue(manager, 'qualification.evaluate', { userId: saved.userId });
      const after = toView(saved);
      await recordAudit(manager, {
        action: 'markAttendance',
        entity: 'Attendance',
        entityId: saved.id,
        organizationId: saved.organizationId,
        before: before ? { ...before } : null,
        after: { ...after },
      });
      return after;
    });
  }

  /** A trainer of the session reopens a person's code entry closed after too many wrong codes. */
  async reopenCheckIn(sessionId: string, userId: string): Promise<CheckInEntryView> {
    const reopened = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findVisible(sessionId, manager);
      await this.sessions.assertRunsSession(session, manager);
      const failures = await manager.findOne(CheckInFailure, {
        where: { sessionId: session.id, userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!failures) throw new NotFoundError('Check-in entry');
      const before = entryView(failures);
      failures.wrongCodes = 0;
      failures.lockedAt = null;
      failures.reopenedAt = new Date();
      failures.reopenedBy = currentActor().userId;
      await manager.save(failures);
      await recordAudit(manager, {
        action: 'update',
        entity: 'CheckInFailure',
        entityId: `${session.id}:${userId}`,
        organizationId: session.organizationId,
        before: { ...before },
        after: { ...entryView(failures), reopenedBy: failures.reopenedBy },
      });
      return failures;
    });
    // After the commit: the person may try at once, on every replica.
    await this.limiter.forget(reopened.sessionId, reopened.userId);
    return entryView(reopened);
  }

  async sheet(sessionId: string): Promise<AttendanceSheetView> {
    return this.sheetOf(await this.sheetSession(sessionId), this.dataSource.manager);
  }

  /** The session whose sheet is asked for: its trainers, the vendor serving the client and its managers read it. */
  private async sheetSession(sessionId: string): Promise<TrainingSession> {
    const session = await this.sessions.findVisible(sessionId);
    assertMay('readAttendance', 'Session', { id: session.id, organizationId: session.organizationId });
    return session;
  }

  async sheetXlsx(sessionId: string): Promise<{ buffer: Buffer; filename: string }> {
    const session = await this.sheetSession(sessionId);
    const sheet = await this.sheetOf(session, this.dataSource.manager);
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('签到表', {
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
    });
    const when = new Intl.DateTimeFormat('zh-CN', {
      timeZone: session.timeZone,
      dateStyle: 'long',
      timeStyle: 'short',
    });
    const time = new Intl.DateTimeFormat('zh-CN', { timeZone: session.timeZone, timeStyle: 'short' });
    ws.mergeCells('A1:G1');
    ws.getCell('A1').value = `签到表 Sign-in sheet — ${session.title}`;
    ws.getCell('A1').font = { size: 16, bold: true };
    ws.mergeCells('A2:G2');
    ws.getCell('A2').value =
      `${when.format(session.startsAt)} – ${time.format(session.endsAt)}  ${session.location ?? session.onlineUrl ?? ''}`;
    ws.addRow([]);
    const header = ws.addRow([
      '#',
      '姓名 Name',
      '部门 Department',
      '状态 Status',
      '签到时间 Time',
      '迟到(分钟) Late',
      '签名 Signature',
    ]);
    header.font = { bold: true };
    const status: Record<string, string> = {
      present: '出席',
      late: '迟到',
      excused: '请假',
      absent: '缺席',
      pending_approval: '待确认',
    };
    sheet.rows.forEach((row, i) => {
      const a = row.attendance;
      ws.addRow([
        i + 1,
        row.name,
        row.departmentName ?? '',
        a ? `${status[a.status]} ${a.status}` : '',
        a?.checkedInAt ? time.format(new Date(a.checkedInAt)) : '',
        a?.minutesLate ? a.minutesLate : '',
        '',
      ]).height = 24;
    });
    ws.columns.forEach((column, i) => (column.width = [5, 16, 14, 16, 14, 12, 20][i]));
    ws.eachRow((row, n) => {
      if (n >= 4)
        row.eachCell(
          { includeEmpty: true },
          (cell) =>
            (cell.border = {
              top: { style: 'thin' },
              bottom: { style: 'thin' },
              left: { style: 'thin' },
              right: { style: 'thin' },
            }),
        );
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, filename: `attendance-${session.startsAt.toISOString().slice(0, 10)}.xlsx` };
  }

  /** Attendance rate per trainee and for the plan, over its held (started, not cancelled) sessions. */
  async planSummary(planId: string): Promise<AttendanceSummaryView> {
    const plan = await this.plans.findVisible(planId);
    // Everyone's attendance across the plan: for those who read every session's sheet of the client.
    assertMay('readAttendance', 'Session', { organizationId: plan.organizationId }, { entity: 'TrainingPlan' });
    const rows: {
      user_id: string;
      assigned: number;
      present: number;
      late: number;
      excused: number;
      absent: number;
    }[] = await this.dataSource.query(
      `SELECT e.user_id,
              count(*)::int AS assigned,
              count(*) FILTER (WHERE a.status = 'present')::int AS present,
              count(*) FILTER (WHERE a.status = 'late')::int AS late,
              count(*) FILTER (WHERE a.status = 'excused')::int AS excused,
              count(*) FILTER (WHERE a.status IS NULL OR a.status IN ('absent', 'pending_approval'))::int AS absent
         FROM training_session s
         JOIN session_enrollment e ON e.session_id = s.id AND e.status <> 'declined'
         LEFT JOIN attendance a ON a.session_id = s.id AND a.user_id = e.user_id
        WHERE s.plan_id = $1 AND s.status = 'scheduled' AND s.starts_at <= now()
        GROUP BY e.user_id`,
      [plan.id],
    );
    const [{ held }] = await this.dataSource.query(
      `SELECT count(*)::int AS held FROM training_session WHERE plan_id = $1 AND status = 'scheduled' AND starts_at <= now()`,
      [plan.id],
    );
    const names = await this.users.namesOf(rows.map((r) => r.user_id));
    const rate = (attended: number, assigned: number) =>
      assigned ? Math.round((attended / assigned) * 1000) / 1000 : null;
    const totals = rows.reduce(
      (sum, r) => ({ assigned: sum.assigned + r.assigned, attended: sum.attended + r.present + r.late }),
      { assigned: 0, attended: 0 },
    );
    return {
      planId: plan.id,
      sessionsHeld: held,
      rate: rate(totals.attended, totals.assigned),
      trainees: rows
        .map((r) => ({
          userId: r.user_id,
          name: names.get(r.user_id)?.name ?? '',
          assigned: r.assigned,
          present: r.present,
          late: r.late,
          excused: r.excused,
          absent: r.absent,
          rate: rate(r.present + r.late, r.assigned),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    };
  }

  private async sheetOf(session: TrainingSession, manager: EntityManager): Promise<AttendanceSheetView> {
    const enrolled = await this.sessions.activeEnrollments(manager, session.id);
    const records = await manager.find(Attendance, { where: { sessionId: session.id } });
    const failures = await manager.find(CheckInFailure, { where: { sessionId: session.id } });
    // Someone locked out is listed even when not enrolled, so the trainer can check them in by hand.
    const userIds = [
      ...new Set([
        ...enrolled,
        ...records.map((r) => r.userId),
        ...failures.filter((f) => f.lockedAt).map((f) => f.userId),
      ]),
    ];
    const names = await this.users.namesOf(userIds, manager);
    const rows = userIds
      .map((userId) => {
        const record = records.find((r) => r.userId === userId);
        return {
          userId,
          name: names.get(userId)?.name ?? '',
          departmentName: names.get(userId)?.departmentName ?? null,
          enrolled: enrolled.includes(userId),
          attendance: record ? toView(record) : null,
          checkInEntry: entryOf(failures.find((f) => f.userId === userId)),
        };
      })
      .sort((a, b) => Number(b.enrolled) - Number(a.enrolled) || a.name.localeCompare(b.name, 'zh-CN'));
    return {
      sessionId: session.id,
      enrolled: enrolled.length,
      checkedIn: records.filter((r) => r.status === 'present' || r.status === 'late').length,
      pendingApproval: records.filter((r) => r.status === 'pending_approval').length,
      checkInLocked: rows.filter((r) => r.checkInEntry?.locked && !r.attendance).length,
      rows,
    };
  }

  private async secretOf(sessionId: string): Promise<string> {
    const row = await this.dataSource
      .getRepository(TrainingSession)
      .findOne({ where: { id: sessionId }, select: { id: true, checkInSecret: true } });
    return row!.checkInSecret;
  }
}

const tooManyWrongCodes = (retryAfterSeconds: number) =>
  new TooManyRequestsError(retryAfterSeconds, `Too many wrong codes; try again in ${retryAfterSeconds} s`);

const entryView = (f: CheckInFailure): CheckInEntryView => ({
  wrongCodes: f.wrongCodes,
  locked: f.lockedAt !== null,
  lockedAt: f.lockedAt?.toISOString() ?? null,
});

/** Only people who entered a wrong code since their entry was last reopened have an entry to show. */
const entryOf = (f: CheckInFailure | undefined): CheckInEntryView | null =>
  f && (f.wrongCodes > 0 || f.lockedAt) ? entryView(f) : null;

export function toView(a: Attendance): AttendanceView {
  return {
    id: a.id,
    sessionId: a.sessionId,
    userId: a.userId,
    status: a.status,
    method: a.method,
    checkedInAt: a.checkedInAt?.toISOString() ?? null,
    minutesLate: a.minutesLate,
    walkIn: a.walkIn,
    note: a.note,
    markedBy: a.markedBy,
  };
}
