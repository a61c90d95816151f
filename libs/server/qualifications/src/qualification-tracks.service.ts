import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  FieldError,
  ListResult,
  QualificationCriterion,
  QualificationRenewal,
  QualificationTrackView,
} from '@cascade/contracts';
import { assertMay, currentActor, UnprocessableError, ValidationFailedError } from '@cascade/server/core';
import { OrganizationsService } from '@cascade/server/identity';
import { Outbox } from '@cascade/server/queue';
import { DataSource, EntityManager } from 'typeorm';
import { QualificationTrack } from './qualification.entities';
import { QualificationTracksRepository } from './qualifications.repositories';
import { CreateTrackDto, CriterionDto, RenewalDto, TrackListQuery, UpdateTrackDto } from './qualifications.dto';

/**
 * Tracks are the vendor's method: its admins and consultants define them for each client.
 * An internal trainer (a client user with a valid qualification) is a trainer too, but not the vendor's.
 */
@Injectable()
export class QualificationTracksService {
  constructor(
    private readonly tracks: QualificationTracksRepository,
    private readonly organizations: OrganizationsService,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: TrackListQuery): Promise<ListResult<QualificationTrackView>> {
    const { data, total } = await this.tracks.list(query, this.tracks.listSpec);
    return { data: data.map(toTrackView), total };
  }

  async get(id: string): Promise<QualificationTrackView> {
    return toTrackView(await this.tracks.findVisible(id));
  }

  findVisible(id: string, manager?: EntityManager): Promise<QualificationTrack> {
    return this.tracks.findVisible(id, manager);
  }

  async create(input: CreateTrackDto): Promise<QualificationTrackView> {
    const organization = await this.organizations.get(input.organizationId);
    assertMay('create', 'QualificationTrack', { organizationId: organization.id });
    if (organization.kind !== 'client')
      throw new UnprocessableError('TRACK_INVALID', 'organizationId: tracks belong to a client', [
        { field: 'organizationId', message: 'must be a client organization' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      const criteria = await checkedCriteria(manager, organization.id, input.criteria);
      const renewal = await checkedRenewal(manager, organization.id, input.renewal ?? null);
      const track = await manager.save(
        manager.create(QualificationTrack, {
          organizationId: organization.id,
          title: input.title.trim(),
          description: input.description?.trim() || null,
          businessProcesses: uniqueTrimmed(input.businessProcesses),
          criteria,
          validityMonths: input.validityMonths ?? null,
          renewal,
          active: input.active ?? true,
          createdBy: currentActor().userId,
        }),
      );
      return toTrackView(track);
    });
  }

  /** A change of rules re-evaluates everyone on the track; nobody qualified loses it by an edit. */
  async update(id: string, input: UpdateTrackDto): Promise<QualificationTrackView> {
    return this.dataSource.transaction(async (manager) => {
      const track = await this.tracks.findVisibleForUpdate(id, manager);
      assertMay('update', 'QualificationTrack', track);
      if (input.title !== undefined) track.title = input.title.trim();
      if (input.description !== undefined) track.description = input.description.trim() || null;
      if (input.businessProcesses !== undefined) track.businessProcesses = uniqueTrimmed(input.businessProcesses);
      if (input.criteria !== undefined)
        track.criteria = await checkedCriteria(manager, track.organizationId, input.criteria);
      if (input.validityMonths !== undefined) track.validityMonths = input.validityMonths;
      if (input.renewal !== undefined)
        track.renewal = await checkedRenewal(manager, track.organizationId, input.renewal);
      if (input.active !== undefined) track.active = input.active;
      const saved = await manager.save(track);
      const people: { user_id: string }[] = await manager.query(
        `SELECT DISTINCT user_id FROM qualification WHERE track_id = $1 AND status IN ('candidate', 'in_progress', 'qualified')`,
        [track.id],
      );
      await this.outbox.enqueueMany(
        manager,
        'qualification.evaluate',
        people.map((p) => ({ userId: p.user_id })),
      );
      return toTrackView(saved);
    });
  }
}

const uniqueTrimmed = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** Each kind's own fields (400 naming the field), then whether the exams and plans exist for this client (422). */
async function checkedCriteria(
  manager: EntityManager,
  organizationId: string,
  input: CriterionDto[],
): Promise<QualificationCriterion[]> {
  const shape: FieldError[] = [];
  const need = (i: number, field: keyof CriterionDto, value: unknown) => {
    if (value === undefined || value === null) shape.push({ field: `criteria.${i}.${field}`, message: 'is required' });
  };
  const criteria: QualificationCriterion[] = input.map((c, i) => {
    switch (c.kind) {
      case 'exam':
        need(i, 'examId', c.examId);
        need(i, 'minPercent', c.minPercent);
        return { kind: 'exam', examId: c.examId!, minPercent: c.minPercent! };
      case 'attendance':
        need(i, 'planIds', c.planIds);
        need(i, 'minPercent', c.minPercent);
        return { kind: 'attendance', planIds: [...new Set(c.planIds ?? [])], minPercent: c.minPercent! };
      case 'co_delivery':
        need(i, 'sessions', c.sessions);
        return { kind: 'co_delivery', sessions: c.sessions! };
      case 'trainer_feedback':
        need(i, 'minAverage', c.minAverage);
        need(i, 'minResponses', c.minResponses);
        return { kind: 'trainer_feedback', minAverage: c.minAverage!, minResponses: c.minResponses! };
      case 'teach_back':
        return c.checklist
          ? { kind: 'teach_back', checklist: c.checklist.map((l) => l.trim()) }
          : { kind: 'teach_back' };
    }
  });
  if (input.filter((c) => c.kind === 'teach_back').length > 1)
    shape.push({ field: 'criteria', message: 'names a teach-back more than once' });
  if (shape.length) throw new ValidationFailedError(shape);
  const missing: FieldError[] = [];
  for (const [i, c] of criteria.entries()) {
    if (c.kind === 'exam') {
      const problem = await examProblem(manager, organizationId, c.examId);
      if (problem) missing.push({ field: `criteria.${i}.examId`, message: problem });
    }
    if (c.kind === 'attendance') {
      const found: { id: string }[] = await manager.query(
        `SELECT id FROM training_plan WHERE id = ANY($1::uuid[]) AND organization_id = $2`,
        [c.planIds, organizationId],
      );
      c.planIds.forEach((planId, j) => {
        if (!found.some((f) => f.id === planId))
          missing.push({ field: `criteria.${i}.planIds.${j}`, message: 'is not a plan of this client' });
      });
    }
  }
  if (missing.length) throw trackInvalid(missing);
  return criteria;
}

async function checkedRenewal(
  manager: EntityManager,
  organizationId: string,
  input: RenewalDto | null,
): Promise<QualificationRenewal | null> {
  if (!input || (!input.exam && !input.sessionsLed)) return null;
  if (input.exam) {
    const problem = await examProblem(manager, organizationId, input.exam.examId);
    if (problem) throw trackInvalid([{ field: 'renewal.exam.examId', message: problem }]);
  }
  return {
    exam: input.exam ? { examId: input.exam.examId, minPercent: input.exam.minPercent } : null,
    sessionsLed: input.sessionsLed
      ? { sessions: input.sessionsLed.sessions, minAverage: input.sessionsLed.minAverage }
      : null,
  };
}

async function examProblem(manager: EntityManager, organizationId: string, examId: string): Promise<string | null> {
  const [exam]: { kind: string }[] = await manager.query(
    `SELECT kind FROM exam WHERE id = $1 AND organization_id = $2`,
    [examId, organizationId],
  );
  if (!exam) return 'is not an exam of this client';
  return exam.kind === 'certification' ? null : 'must be a certification exam';
}

const trackInvalid = (errors: FieldError[]) =>
  new UnprocessableError('TRACK_INVALID', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

export function toTrackView(track: QualificationTrack): QualificationTrackView {
  return {
    id: track.id,
    organizationId: track.organizationId,
    title: track.title,
    description: track.description,
    businessProcesses: track.businessProcesses,
    criteria: track.criteria,
    validityMonths: track.validityMonths,
    renewal: track.renewal,
    active: track.active,
    createdBy: track.createdBy,
    createdAt: track.createdAt.toISOString(),
    updatedAt: track.updatedAt.toISOString(),
  };
}
