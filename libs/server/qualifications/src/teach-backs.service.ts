import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, TeachBackItem, TeachBackView } from '@cascade/contracts';
import {
  assertMay,
  ConflictError,
  currentActor,
  ForbiddenError,
  recordAudit,
  UnprocessableError,
} from '@cascade/server/core';
import { UsersRepository } from '@cascade/server/identity';
import { Outbox } from '@cascade/server/queue';
import { DataSource, EntityManager } from 'typeorm';
import { QualificationTrack, TeachBack } from './qualification.entities';
import { QualificationTracksService } from './qualification-tracks.service';
import { TeachBacksRepository } from './qualifications.repositories';
import { CreateTeachBackDto, TeachBackItemDto, TeachBackListQuery, UpdateTeachBackDto } from './qualifications.dto';

/** Observing and signing off is the vendor's, for the clients it serves (signTeachBack in the policy). */
function assertMayObserve(organizationId: string, candidateId: string): void {
  assertMay('signTeachBack', 'Qualification', { organizationId, userId: candidateId });
}

/** An observation of oneself is no evidence. */
function assertNotOwn(candidateId: string): void {
  if (candidateId === currentActor().userId)
    throw new ForbiddenError('Nobody observes or signs off their own teach-back');
}

/**
 * A vendor trainer watches a candidate train and records a checklist. Only a signed
 * teach-back counts, and once signed it no longer changes.
 */
@Injectable()
export class TeachBacksService {
  constructor(
    private readonly teachBacks: TeachBacksRepository,
    private readonly tracks: QualificationTracksService,
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: TeachBackListQuery): Promise<ListResult<TeachBackView>> {
    const { data, total } = await this.teachBacks.list(query, this.teachBacks.listSpec);
    return { data: data.map(toTeachBackView), total };
  }

  async get(id: string): Promise<TeachBackView> {
    return toTeachBackView(await this.teachBacks.findVisible(id));
  }

  async create(input: CreateTeachBackDto): Promise<TeachBackView> {
    assertNotOwn(input.candidateId);
    const id = await this.dataSource.transaction(async (manager) => {
      const track = await this.tracks.findVisible(input.trackId, manager).catch(() => {
        throw invalid('trackId', 'is not a visible qualification track');
      });
      assertMayObserve(track.organizationId, input.candidateId);
      const members = await this.users.membersOf(track.organizationId, [input.candidateId], manager);
      if (members.length === 0) throw invalid('candidateId', 'is not an active user of the track’s client');
      if (input.sessionId) await checkSession(manager, track.organizationId, input.sessionId);
      const items = checkedItems(track, input.items);
      const now = new Date();
      const signed = input.sign === true;
      const saved = await manager.save(
        manager.create(TeachBack, {
          organizationId: track.organizationId,
          trackId: track.id,
          candidateId: input.candidateId,
          sessionId: input.sessionId ?? null,
          observerId: currentActor().userId,
          observedAt: input.observedAt ? new Date(input.observedAt) : now,
          items,
          comment: input.comment?.trim() || null,
          passed: items.every((i) => i.result === 'pass'),
          signedAt: signed ? now : null,
          signedBy: signed ? currentActor().userId : null,
        }),
      );
      if (signed) {
        await auditSignOff(manager, saved);
        await this.outbox.enqueue(manager, 'qualification.evaluate', { userId: saved.candidateId });
      }
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateTeachBackDto): Promise<TeachBackView> {
    await this.dataSource.transaction(async (manager) => {
      const teachBack = await this.editable(id, manager);
      assertNotOwn(teachBack.candidateId);
      assertMayObserve(teachBack.organizationId, teachBack.candidateId);
      const track = await manager.findOneByOrFail(QualificationTrack, { id: teachBack.trackId });
      if (input.sessionId !== undefined) {
        await checkSession(manager, teachBack.organizationId, input.sessionId);
        teachBack.sessionId = input.sessionId;
      }
      if (input.observedAt !== undefined) teachBack.observedAt = new Date(input.observedAt);
      if (input.items !== undefined) {
        teachBack.items = checkedItems(track, input.items);
        teachBack.passed = teachBack.items.every((i) => i.result === 'pass');
      }
      if (input.comment !== undefined) teachBack.comment = input.comment.trim() || null;
      await manager.save(teachBack);
    });
    return this.get(id);
  }

  /** Signing makes it count towards the candidate's qualification, and freezes it. */
  async sign(id: string): Promise<TeachBackView> {
    await this.dataSource.transaction(async (manager) => {
      const teachBack = await this.editable(id, manager);
      assertNotOwn(teachBack.candidateId);
      assertMayObserve(teachBack.organizationId, teachBack.candidateId);
      teachBack.signedAt = new Date();
      teachBack.signedBy = currentActor().userId;
      await manager.save(teachBack);
      await auditSignOff(manager, teachBack);
      await this.outbox.enqueue(manager, 'qualification.evaluate', { userId: teachBack.candidateId });
    });
    return this.get(id);
  }

  private async editable(id: string, manager: EntityManager): Promise<TeachBack> {
    const teachBack = await this.teachBacks.findVisibleForUpdate(id, manager);
    if (teachBack.signedAt)
      throw new ConflictError('TEACH_BACK_SIGNED', 'The teach-back is signed and can no longer change', {
        signedAt: teachBack.signedAt.toISOString(),
      });
    return teachBack;
  }
}

/** The entity's own save records an update; the log must also read as the sign-off it is. */
async function auditSignOff(manager: EntityManager, teachBack: TeachBack): Promise<void> {
  await recordAudit(manager, {
    action: 'signTeachBack',
    entity: 'TeachBack',
    entityId: teachBack.id,
    organizationId: teachBack.organizationId,
    before: { signedAt: null, signedBy: null },
    after: {
      signedAt: teachBack.signedAt!.toISOString(),
      signedBy: teachBack.signedBy,
      candidateId: teachBack.candidateId,
      trackId: teachBack.trackId,
      passed: teachBack.passed,
    },
  });
}

/** When the track fixes a checklist, the teach-back covers exactly its items. */
function checkedItems(track: QualificationTrack, items: TeachBackItemDto[]): TeachBackItem[] {
  const result = items.map((i) => ({ label: i.label.trim(), result: i.result, comment: i.comment?.trim() || null }));
  const labels = result.map((i) => i.label);
  if (new Set(labels).size !== labels.length) throw invalid('items', 'names an item twice');
  const checklist = track.criteria.flatMap((c) => (c.kind === 'teach_back' ? (c.checklist ?? []) : []));
  if (checklist.length) {
    const missing = checklist.filter((label) => !labels.includes(label));
    const extra = labels.filter((label) => !checklist.includes(label));
    if (missing.length || extra.length)
      throw invalid(
        'items',
        [
          missing.length ? `misses ${missing.join(', ')}` : '',
          extra.length ? `has no ${extra.join(', ')} on the checklist` : '',
        ]
          .filter(Boolean)
          .join('; '),
      );
  }
  return result;
}

async function checkSession(manager: EntityManager, organizationId: string, sessionId: string): Promise<void> {
  const found: unknown[] = await manager.query(
    `SELECT 1 FROM training_session WHERE id = $1 AND organization_id = $2`,
    [sessionId, organizationId],
  );
  if (found.length === 0) throw invalid('sessionId', 'is not a session of this client');
}

const invalid = (field: string, message: string) =>
  new UnprocessableError('REFERENCE_INVALID', `${field}: ${message}`, [{ field, message }]);

export function toTeachBackView(t: TeachBack): TeachBackView {
  return {
    id: t.id,
    organizationId: t.organizationId,
    trackId: t.trackId,
    candidateId: t.candidateId,
    sessionId: t.sessionId,
    observerId: t.observerId,
    observedAt: t.observedAt.toISOString(),
    items: t.items,
    comment: t.comment,
    passed: t.passed,
    signedAt: t.signedAt?.toISOString() ?? null,
    signedBy: t.signedBy,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
