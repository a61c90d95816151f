import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BlueprintCheckView, BlueprintRow, ExamOverride, ExamView, FieldError, ListResult } from '@cascade/contracts';
import { assertMay, currentActor, recordAudit, UnprocessableError } from '@cascade/server/core';
import { OrganizationsService, UsersRepository } from '@cascade/server/identity';
import { PlansService } from '@cascade/server/plans';
import { Outbox } from '@cascade/server/queue';
import { SessionsService } from '@cascade/server/sessions';
import { DataSource, EntityManager } from 'typeorm';
import { Exam } from './exam.entity';
import { CreateExamDto, ExamListQuery, ExamOverrideDto, UpdateExamDto } from './exam.dto';
import { ExamsRepository } from './exams.repository';

const invalid = (errors: FieldError[]) =>
  new UnprocessableError('EXAM_INVALID', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

@Injectable()
export class ExamsService {
  constructor(
    private readonly exams: ExamsRepository,
    private readonly organizations: OrganizationsService,
    private readonly plans: PlansService,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: ExamListQuery): Promise<ListResult<ExamView>> {
    const { data, total } = await this.exams.listRun(query);
    return { data: data.map(toExamView), total };
  }

  async get(id: string): Promise<ExamView> {
    return toExamView(await this.exams.findVisible(id));
  }

  async create(input: CreateExamDto): Promise<ExamView> {
    const organization = await this.organizations.get(input.organizationId);
    if (organization.kind !== 'client')
      throw invalid([{ field: 'organizationId', message: 'must be a client organization' }]);
    assertMay('create', 'Exam', { organizationId: organization.id, sessionId: input.sessionId ?? null });
    const exam = await this.dataSource.transaction(async (manager) => {
      const draft = manager.create(Exam, {
        organizationId: organization.id,
        planId: input.planId ?? null,
        sessionId: input.sessionId ?? null,
        title: input.title,
        kind: input.kind,
        questionIds: input.questionIds ?? null,
        blueprint: input.blueprint ? normaliseBlueprint(input.blueprint) : null,
        timeLimitMinutes: input.timeLimitMinutes,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        passPercent: input.passPercent,
        attemptsAllowed: input.attemptsAllowed ?? 1,
        shuffleQuestions: input.shuffleQuestions ?? false,
        shuffleOptions: input.shuffleOptions ?? false,
        showResults: input.showResults ?? 'after_close',
        reviewMode: input.reviewMode ?? 'score_only',
        assignees: { planTrainees: false, sessionEnrollees: false, userIds: [], ...input.assignees },
        overrides: normaliseOverrides(input.overrides ?? []),
        createdBy: currentActor().userId,
      });
      await this.check(manager, draft);
      const saved = await manager.save(draft);
      await this.outbox.enqueue(manager, 'exam.assigned', { examId: saved.id });
      return saved;
    });
    return toExamView(exam);
  }

  async update(id: string, input: UpdateExamDto): Promise<ExamView> {
    const exam = await this.dataSource.transaction(async (manager) => {
      const current = await this.exams.findVisibleForUpdate(id, manager);
      assertMay('update', 'Exam', current);
      const overridesBefore = current.overrides;
      const { opensAt, closesAt, blueprint, questionIds, assignees, overrides, ...fields } = input;
      Object.assign(current, fields);
      if (opensAt) current.opensAt = new Date(opensAt);
      if (closesAt) current.closesAt = new Date(closesAt);
      // Giving one way of choosing questions replaces the other.
      if (blueprint) Object.assign(current, { blueprint: normaliseBlueprint(blueprint), questionIds: null });
      if (questionIds) Object.assign(current, { questionIds, blueprint: null });
      if (assignees) current.assignees = { ...current.assignees, ...assignees };
      if (overrides) current.overrides = normaliseOverrides(overrides);
      // Moved to another session or client, it must still be one the actor may edit.
      assertMay('update', 'Exam', current);
      await this.check(manager, current);
      if (overrides && JSON.stringify(overridesBefore) !== JSON.stringify(current.overrides))
        await recordAudit(manager, {
          action: 'override',
          entity: 'Exam',
          entityId: current.id,
          organizationId: current.organizationId,
          before: { overrides: overridesBefore },
          after: { overrides: current.overrides },
        });
      // Whoever the change newly assigns is told; people told before are not told again.
      if (assignees || input.planId !== undefined || input.sessionId !== undefined)
        await this.outbox.enqueue(manager, 'exam.assigned', { examId: current.id });
      return manager.save(current);
    });
    return toExamView(exam);
  }

  /** How many active questions each blueprint cell can draw from. */
  async blueprintCheck(id: string): Promise<BlueprintCheckView> {
    const exam = await this.exams.findVisible(id);
    const rows = exam.blueprint ?? [];
    const available = await this.exams.availability(exam.organizationId, rows);
    const cells = rows.map((row, i) => ({ ...row, available: available[i], sufficient: available[i] >= row.count }));
    return { examId: exam.id, sufficient: cells.every((c) => c.sufficient), cells };
  }

  private async checkOverrides(manager: EntityManager, exam: Exam): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    exam.overrides.forEach((override, i) => {
      if (seen.has(override.userId))
        errors.push({ field: `overrides.${i}.userId`, message: 'has another override in this exam' });
      seen.add(override.userId);
      const opensAt = override.opensAt ? new Date(override.opensAt) : exam.opensAt;
      const closesAt = override.closesAt ? new Date(override.closesAt) : exam.closesAt;
      if (closesAt <= opensAt) errors.push({ field: `overrides.${i}.closesAt`, message: 'must be after the opening' });
    });
    if (exam.overrides.length) {
      const userIds = exam.overrides.map((o) => o.userId);
      const members = await this.users.membersOf(exam.organizationId, userIds, manager);
      exam.overrides.forEach((override, i) => {
        if (!members.includes(override.userId))
          errors.push({ field: `overrides.${i}.userId`, message: 'is not a user of this client' });
      });
    }
    return errors;
  }

  /** Everything an exam must satisfy before it is saved; each problem names its field. */
  private async check(manager: EntityManager, exam: Exam): Promise<void> {
    const errors: FieldError[] = [];
    if ((exam.questionIds === null) === (exam.blueprint === null)) {
      errors.push({ field: 'questionIds', message: 'give either a fixed list of questions or a blueprint' });
    }
    if (exam.closesAt <= exam.opensAt) errors.push({ field: 'closesAt', message: 'must be after opensAt' });
    if (exam.planId) {
      const plan = await this.plans.findVisible(exam.planId, manager);
      if (plan.organizationId !== exam.organizationId)
        errors.push({ field: 'planId', message: 'must be a plan of the same client' });
    }
    if (exam.sessionId) {
      const session = await this.sessions.findVisible(exam.sessionId, manager);
      if (session.organizationId !== exam.organizationId)
        errors.push({ field: 'sessionId', message: 'must be a session of the same client' });
    }
    if (exam.assignees.planTrainees && !exam.planId)
      errors.push({ field: 'assignees.planTrainees', message: 'needs planId' });
    if (exam.assignees.sessionEnrollees && !exam.sessionId)
      errors.push({ field: 'assignees.sessionEnrollees', message: 'needs sessionId' });
    if (exam.assignees.userIds.length) {
      const members = await this.users.membersOf(exam.organizationId, exam.assignees.userIds, manager);
      const strangers = exam.assignees.userIds.filter((u) => !members.includes(u));
      if (strangers.length)
        errors.push({ field: 'assignees.userIds', message: `not users of this client: ${strangers.join(', ')}` });
    }
    errors.push(...(await this.checkOverrides(manager, exam)));
    if (exam.questionIds) {
      const active = await this.exams.activeQuestions(exam.organizationId, exam.questionIds, manager);
      const missing = exam.questionIds.filter((q) => !active.includes(q));
      if (missing.length)
        errors.push({ field: 'questionIds', message: `not active questions of this client: ${missing.join(', ')}` });
    }
    if (exam.blueprint) {
      const available = await this.exams.availability(exam.organizationId, exam.blueprint, manager);
      exam.blueprint.forEach((row, i) => {
        if (available[i] < row.count) {
          errors.push({
            field: `blueprint.${i}`,
            message: `needs ${row.count} active questions of ${row.businessProcess} at difficulty ${row.difficulty}; the bank has ${available[i]}`,
          });
        }
      });
    }
    if (errors.length) throw invalid(errors);
  }
}

function normaliseOverrides(rows: ExamOverrideDto[]): ExamOverride[] {
  return rows.map((row) => ({
    userId: row.userId,
    extraMinutes: row.extraMinutes ?? 0,
    opensAt: row.opensAt ? new Date(row.opensAt).toISOString() : null,
    closesAt: row.closesAt ? new Date(row.closesAt).toISOString() : null,
  }));
}

/** One row per cell: repeated cells are merged, so availability is checked against their total. */
function normaliseBlueprint(
  rows: { businessProcess: string; difficulty: number; count: number; points?: number | null }[],
): BlueprintRow[] {
  const merged = new Map<string, BlueprintRow>();
  for (const row of rows) {
    const key = `${row.businessProcess.trim()}|${row.difficulty}`;
    const existing = merged.get(key);
    if (existing) existing.count += row.count;
    else
      merged.set(key, {
        businessProcess: row.businessProcess.trim(),
        difficulty: row.difficulty,
        count: row.count,
        points: row.points ?? null,
      });
  }
  return [...merged.values()];
}

export function toExamView(exam: Exam): ExamView {
  return {
    id: exam.id,
    organizationId: exam.organizationId,
    planId: exam.planId,
    sessionId: exam.sessionId,
    title: exam.title,
    kind: exam.kind,
    questionIds: exam.questionIds,
    blueprint: exam.blueprint,
    timeLimitMinutes: exam.timeLimitMinutes,
    opensAt: exam.opensAt.toISOString(),
    closesAt: exam.closesAt.toISOString(),
    passPercent: exam.passPercent,
    attemptsAllowed: exam.attemptsAllowed,
    shuffleQuestions: exam.shuffleQuestions,
    shuffleOptions: exam.shuffleOptions,
    showResults: exam.showResults,
    reviewMode: exam.reviewMode,
    assignees: exam.assignees,
    overrides: exam.overrides,
    createdBy: exam.createdBy,
    createdAt: exam.createdAt.toISOString(),
    updatedAt: exam.updatedAt.toISOString(),
  };
}
