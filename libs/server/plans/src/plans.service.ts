import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, PlanRevisionView, PlanStatus, TrainingPlanView } from '@cascade/contracts';
import { currentActor, ForbiddenError, may, NotFoundError } from '@cascade/server/core';
import { FilesService } from '@cascade/server/files';
import { OrganizationsService, UsersRepository } from '@cascade/server/identity';
import { DataSource, EntityManager, In } from 'typeorm';
import { diffPlans, PlanSnapshot } from './plan-diff';
import { PlanModule } from './plan-module.entity';
import { PlanRevision } from './plan-revision.entity';
import { PlanTarget } from './plan-target.entity';
import { CreatePlanDto, PlanListQuery, PlanModuleDto, PlanTargetDto, UpdatePlanDto } from './plan.dto';
import { invalidPlanReference, notEditable, reasonRequired, transitionRefused } from './plans.errors';
import { PlansRepository } from './plans.repository';
import { TrainingPlan } from './training-plan.entity';

type Action = 'submit' | 'confirm' | 'return' | 'start' | 'complete' | 'cancel';

/** Which states each action may leave from. */
const FROM: Record<Action, PlanStatus[]> = {
  submit: ['draft'],
  confirm: ['pending_confirmation'],
  return: ['pending_confirmation'],
  start: ['confirmed'],
  complete: ['in_progress'],
  cancel: ['draft', 'pending_confirmation', 'confirmed', 'in_progress'],
};

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersRepository,
    private readonly files: FilesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: PlanListQuery): Promise<ListResult<TrainingPlanView>> {
    const { data, total } = await this.plans.list(query, this.plans.listSpec);
    return { data: await this.views(data), total };
  }

  async get(id: string): Promise<TrainingPlanView> {
    const [view] = await this.views([await this.plans.findVisible(id)]);
    return view;
  }

  /** A visible plan, for other domains that schedule or assess against it. */
  findVisible(id: string, manager?: EntityManager): Promise<TrainingPlan> {
    return this.plans.findVisible(id, manager);
  }

  async create(input: CreatePlanDto): Promise<TrainingPlanView> {
    const organization = await this.organizations.get(input.organizationId);
    if (organization.kind !== 'client') throw invalidPlanReference('organizationId', 'must be a client organization');
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, organization.id, input);
      const plan = await manager.save(
        manager.create(TrainingPlan, {
          organizationId: organization.id,
          title: input.title,
          goals: input.goals,
          assessmentMethod: input.assessmentMethod,
          signInMethod: input.signInMethod,
          defaultLocation: input.defaultLocation ?? null,
          trainerIds: input.trainerIds ?? [],
          status: 'draft',
          createdBy: currentActor().userId,
        }),
      );
      await this.replaceModules(manager, plan, input.modules ?? []);
      await this.replaceTargets(manager, plan, input.targets ?? []);
      return plan.id;
    });
    return this.get(id);
  }

  /**
   * Edits a plan. Before its first confirmation a draft changes freely; afterwards every
   * change needs a reason, is kept as a revision with its field-level diff, and sends the
   * plan back to the client for confirmation.
   */
  async update(id: string, input: UpdatePlanDto): Promise<TrainingPlanView> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.findVisibleForUpdate(id, manager);
      if (!['draft', 'confirmed', 'in_progress'].includes(plan.status)) throw notEditable(plan.status);
      const governed = plan.confirmedAt !== null;
      if (governed && !input.reason) throw reasonRequired();
      await this.checkReferences(manager, plan.organizationId, input);
      const before = await this.snapshot(manager, plan);
      const { reason, modules, targets, ...fields } = input;
      Object.assign(plan, fields);
      if (modules) await this.replaceModules(manager, plan, modules);
      if (targets) await this.replaceTargets(manager, plan, targets);
      if (!governed) {
        await manager.save(plan);
        return;
      }
      const changes = diffPlans(before, await this.snapshot(manager, plan));
      if (changes.length === 0) return;
      plan.revision += 1;
      plan.status = 'pending_confirmation';
      plan.submittedAt = new Date();
      await manager.save(plan);
      await manager.save(
        manager.create(PlanRevision, {
          planId: plan.id,
          organizationId: plan.organizationId,
          number: plan.revision,
          reason: reason!,
          changes,
          requestedBy: currentActor().userId,
        }),
      );
    });
    return this.get(id);
  }

  async transition(id: string, action: Action, text?: string): Promise<TrainingPlanView> {
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.findVisibleForUpdate(id, manager);
      if (!FROM[action].includes(plan.status)) throw transitionRefused(action, plan.status);
      const actor = currentActor();
      const now = new Date();
      switch (action) {
        case 'submit':
          plan.status = 'pending_confirmation';
          plan.submittedAt = now;
          plan.returnComment = null;
          break;
        case 'confirm':
        case 'return': {
          // The client confirms its own plan: a manager of that organization (or an admin).
          const isClientManager = actor.roles.includes('manager') && actor.organizationId === plan.organizationId;
          if (!isClientManager && !actor.roles.includes('admin')) {
            throw new ForbiddenError('Only a manager of the client organization may confirm or return its plan');
          }
          await manager.update(
            PlanRevision,
            { planId: plan.id, status: 'pending' },
            {
              status: action === 'confirm' ? 'confirmed' : 'returned',
              decidedBy: actor.userId,
              decidedAt: now,
              comment: text ?? null,
            },
          );
          if (action === 'confirm') {
            plan.status = plan.startedAt ? 'in_progress' : 'confirmed';
            plan.confirmedAt = now;
            plan.confirmedBy = actor.userId;
            plan.returnComment = null;
          } else {
            plan.status = 'draft';
            plan.returnComment = text ?? null;
          }
          break;
        }
        case 'start':
          plan.status = 'in_progress';
          plan.startedAt = now;
          break;
        case 'complete':
          plan.status = 'completed';
          break;
        case 'cancel':
          plan.status = 'cancelled';
          plan.cancelReason = text ?? null;
          break;
      }
      await manager.save(plan);
    });
    return this.get(id);
  }

  /**
   * A plan as the people who run it or confirm it read it: its revisions and its document are
   * the project's record, not the trainees'; to a trainee in the plan it does not exist.
   */
  async findForStaff(id: string): Promise<TrainingPlan> {
    const plan = await this.plans.findVisible(id);
    if (!may('update', 'TrainingPlan', plan) && !may('confirm', 'TrainingPlan', plan))
      throw new NotFoundError('TrainingPlan');
    return plan;
  }

  async revisions(id: string): Promise<ListResult<PlanRevisionView>> {
    const plan = await this.findForStaff(id);
    const rows = await this.dataSource
      .getRepository(PlanRevision)
      .find({ where: { planId: plan.id }, order: { number: 'DESC' } });
    return {
      data: rows.map((r) => ({
        id: r.id,
        planId: r.planId,
        number: r.number,
        reason: r.reason,
        changes: r.changes,
        requestedBy: r.requestedBy,
        requestedAt: r.requestedAt.toISOString(),
        status: r.status,
        decidedBy: r.decidedBy,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        comment: r.comment,
      })),
      total: rows.length,
    };
  }

  async modulesOf(planIds: string[], manager?: EntityManager): Promise<PlanModule[]> {
    if (planIds.length === 0) return [];
    return (manager ?? this.dataSource.manager).find(PlanModule, {
      where: { planId: In(planIds) },
      order: { position: 'ASC' },
    });
  }

  private async views(plans: TrainingPlan[]): Promise<TrainingPlanView[]> {
    const ids = plans.map((p) => p.id);
    const modules = await this.modulesOf(ids);
    const targets = ids.length
      ? await this.dataSource.getRepository(PlanTarget).find({ where: { planId: In(ids) }, order: { userId: 'ASC' } })
      : [];
    return plans.map((plan) => ({
      id: plan.id,
      organizationId: plan.organizationId,
      title: plan.title,
      goals: plan.goals,
      assessmentMethod: plan.assessmentMethod,
      signInMethod: plan.signInMethod,
      defaultLocation: plan.defaultLocation,
      status: plan.status,
      trainerIds: plan.trainerIds,
      modules: modules
        .filter((m) => m.planId === plan.id)
        .map((m) => ({
          id: m.id,
          businessProcess: m.businessProcess,
          title: m.title,
          outline: m.outline,
          durationMinutes: m.durationMinutes,
          materials: m.materials,
          position: m.position,
        })),
      targets: targets
        .filter((t) => t.planId === plan.id)
        .map((t) => ({ userId: t.userId, kind: t.kind, businessProcess: t.businessProcess })),
      revision: plan.revision,
      createdBy: plan.createdBy,
      submittedAt: plan.submittedAt?.toISOString() ?? null,
      confirmedAt: plan.confirmedAt?.toISOString() ?? null,
      confirmedBy: plan.confirmedBy,
      returnComment: plan.returnComment,
      cancelReason: plan.cancelReason,
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    }));
  }

  private async snapshot(manager: EntityManager, plan: TrainingPlan): Promise<PlanSnapshot> {
    const modules = await this.modulesOf([plan.id], manager);
    const targets = await manager.find(PlanTarget, { where: { planId: plan.id }, order: { userId: 'ASC' } });
    return {
      title: plan.title,
      goals: plan.goals,
      assessmentMethod: plan.assessmentMethod,
      signInMethod: plan.signInMethod,
      defaultLocation: plan.defaultLocation,
      trainerIds: [...plan.trainerIds],
      modules: modules.map((m) => ({
        id: m.id,
        businessProcess: m.businessProcess,
        title: m.title,
        outline: m.outline,
        durationMinutes: m.durationMinutes,
        materials: m.materials,
      })),
      targets: targets.map((t) => ({ userId: t.userId, kind: t.kind, businessProcess: t.businessProcess })),
    };
  }

  private async checkReferences(manager: EntityManager, organizationId: string, input: UpdatePlanDto): Promise<void> {
    if (input.trainerIds?.length) {
      const valid = await this.users.trainersFor(organizationId, input.trainerIds, manager);
      const invalid = input.trainerIds.filter((id) => !valid.includes(id));
      if (invalid.length)
        throw invalidPlanReference('trainerIds', `not trainers of this client: ${invalid.join(', ')}`);
    }
    if (input.targets?.length) {
      const ids = input.targets.map((t) => t.userId);
      if (new Set(ids).size !== ids.length) throw invalidPlanReference('targets', 'names a user twice');
      const members = await this.users.membersOf(organizationId, ids, manager);
      const invalid = ids.filter((id) => !members.includes(id));
      if (invalid.length) throw invalidPlanReference('targets', `not users of this client: ${invalid.join(', ')}`);
    }
    const fileIds = (input.modules ?? []).flatMap((m) =>
      (m.materials ?? []).filter((x) => x.kind === 'file').map((x) => x.fileId!),
    );
    if (!(await this.files.assertOwned(organizationId, fileIds, manager))) {
      throw invalidPlanReference('modules.materials', 'refers to a file that is not this client’s');
    }
  }

  private async replaceModules(manager: EntityManager, plan: TrainingPlan, modules: PlanModuleDto[]): Promise<void> {
    const existing = await manager.find(PlanModule, { where: { planId: plan.id } });
    const keep = new Set(modules.filter((m) => m.id).map((m) => m.id!));
    for (const id of keep) {
      if (!existing.some((e) => e.id === id))
        throw invalidPlanReference('modules.id', `module ${id} is not part of this plan`);
    }
    const removed = existing.filter((e) => !keep.has(e.id));
    if (removed.length) await manager.remove(removed);
    for (const [position, module] of modules.entries()) {
      const current = existing.find((e) => e.id === module.id);
      const values = {
        planId: plan.id,
        organizationId: plan.organizationId,
        businessProcess: module.businessProcess,
        title: module.title,
        outline: module.outline ?? '',
        durationMinutes: module.durationMinutes,
        materials: (module.materials ?? []).map((m) =>
          m.kind === 'link'
            ? { kind: 'link' as const, title: m.title, url: m.url }
            : { kind: 'file' as const, title: m.title, fileId: m.fileId },
        ),
        position,
      };
      await manager.save(current ? Object.assign(current, values) : manager.create(PlanModule, values));
    }
  }

  private async replaceTargets(manager: EntityManager, plan: TrainingPlan, targets: PlanTargetDto[]): Promise<void> {
    await manager.delete(PlanTarget, { planId: plan.id });
    if (targets.length === 0) return;
    await manager.insert(
      PlanTarget,
      targets.map((t) => ({
        planId: plan.id,
        userId: t.userId,
        kind: t.kind,
        businessProcess: t.businessProcess ?? null,
      })),
    );
  }
}
