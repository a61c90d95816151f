import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IssueStatus, ListResult, TrainingIssueView } from '@cascade/contracts';
import {
  ConflictError,
  currentActor,
  isOnlyTrainee,
  ListSpec,
  ScopedRepository,
  ScopeRules,
  UnprocessableError,
} from '@cascade/server/core';
import { UsersRepository } from '@cascade/server/identity';
import { PlansService } from '@cascade/server/plans';
import { SessionsService } from '@cascade/server/sessions';
import { DataSource, Repository } from 'typeorm';
import { CreateTrainingIssueDto, TrainingIssueListQuery, UpdateTrainingIssueDto } from './training-issue.dto';
import { TrainingIssue } from './training-issue.entity';

@Injectable()
export class TrainingIssuesRepository extends ScopedRepository<TrainingIssue> {
  protected readonly alias = 'issue';
  protected readonly entityName = 'Training issue';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId', selfColumn: 'reporterId' };
  readonly listSpec: ListSpec = {
    sortable: {
      createdAt: 'createdAt',
      updatedAt: 'updatedAt',
      severity: 'severity',
      status: 'status',
      category: 'category',
    },
    defaultSort: 'createdAt',
    searchable: ['title', 'description'],
    filters: {
      planId: 'planId',
      sessionId: 'sessionId',
      category: 'category',
      status: 'status',
      severity: 'severity',
      assigneeId: 'assigneeId',
    },
  };

  constructor(@InjectRepository(TrainingIssue) repository: Repository<TrainingIssue>) {
    super(repository);
  }
}

type Move = 'start' | 'resolve' | 'reject' | 'defer' | 'reopen';
const MOVES: Record<Move, { from: IssueStatus[]; to: IssueStatus }> = {
  start: { from: ['open'], to: 'in_progress' },
  resolve: { from: ['open', 'in_progress'], to: 'resolved' },
  reject: { from: ['open', 'in_progress'], to: 'rejected' },
  defer: { from: ['open', 'in_progress'], to: 'deferred' },
  reopen: { from: ['resolved', 'rejected', 'deferred'], to: 'open' },
};

const invalid = (field: string, message: string) =>
  new UnprocessableError('REFERENCE_INVALID', `${field}: ${message}`, [{ field, message }]);

@Injectable()
export class TrainingIssuesService {
  constructor(
    private readonly issues: TrainingIssuesRepository,
    private readonly plans: PlansService,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: TrainingIssueListQuery): Promise<ListResult<TrainingIssueView>> {
    const { data, total } = await this.issues.list(
      { ...query, order: query.order ?? (query.sort ? 'ASC' : 'DESC') },
      this.issues.listSpec,
    );
    return { data: data.map(toView), total };
  }

  async get(id: string): Promise<TrainingIssueView> {
    return toView(await this.issues.findVisible(id));
  }

  /** Recorded by trainers and managers, or by a trainee from a session of theirs. */
  async create(input: CreateTrainingIssueDto): Promise<TrainingIssueView> {
    const actor = currentActor();
    let organizationId: string | null = null;
    let planId = input.planId ?? null;
    if (input.sessionId) {
      const session = await this.sessions.findVisible(input.sessionId);
      organizationId = session.organizationId;
      if (planId && planId !== session.planId) throw invalid('planId', 'is not the session’s plan');
      planId = session.planId;
    } else if (isOnlyTrainee()) {
      throw invalid('sessionId', 'is required: trainees report problems from a session');
    }
    if (planId) {
      const plan = await this.plans.findVisible(planId);
      organizationId = plan.organizationId;
      if (input.moduleId && !(await this.plans.modulesOf([plan.id])).some((m) => m.id === input.moduleId)) {
        throw invalid('moduleId', 'must be a module of the plan');
      }
    } else if (input.moduleId) {
      throw invalid('moduleId', 'needs the plan or session it belongs to');
    }
    organizationId ??= actor.organizationKind === 'client' ? actor.organizationId : null;
    if (!organizationId) throw invalid('planId', 'name the plan or session the problem belongs to');
    const saved = await this.dataSource.getRepository(TrainingIssue).save({
      organizationId,
      planId,
      sessionId: input.sessionId ?? null,
      moduleId: input.moduleId ?? null,
      category: input.category,
      severity: input.severity,
      title: input.title,
      description: input.description,
      status: 'open',
      reporterId: actor.userId,
      assigneeId: null,
      resolution: null,
    });
    return toView(saved);
  }

  async update(id: string, input: UpdateTrainingIssueDto): Promise<TrainingIssueView> {
    return this.dataSource.transaction(async (manager) => {
      const issue = await this.issues.findVisibleForUpdate(id, manager);
      if (input.assigneeId) {
        const ok =
          (await this.users.membersOf(issue.organizationId, [input.assigneeId], manager)).length > 0 ||
          (await this.users.trainersFor(issue.organizationId, [input.assigneeId], manager)).length > 0;
        if (!ok) throw invalid('assigneeId', 'must be a user of this client or one of its trainers');
      }
      Object.assign(issue, input);
      return toView(await manager.save(issue));
    });
  }

  async move(id: string, move: Move, resolution?: string): Promise<TrainingIssueView> {
    return this.dataSource.transaction(async (manager) => {
      const issue = await this.issues.findVisibleForUpdate(id, manager);
      const rule = MOVES[move];
      if (!rule.from.includes(issue.status)) {
        throw new ConflictError('ISSUE_TRANSITION_INVALID', `Cannot ${move} an issue that is ${issue.status}`, {
          currentStatus: issue.status,
        });
      }
      issue.status = rule.to;
      if (resolution !== undefined) issue.resolution = resolution;
      if (move === 'reopen') issue.resolution = null;
      return toView(await manager.save(issue));
    });
  }
}

function toView(issue: TrainingIssue): TrainingIssueView {
  return {
    id: issue.id,
    organizationId: issue.organizationId,
    planId: issue.planId,
    sessionId: issue.sessionId,
    moduleId: issue.moduleId,
    category: issue.category,
    severity: issue.severity,
    title: issue.title,
    description: issue.description,
    status: issue.status,
    reporterId: issue.reporterId,
    assigneeId: issue.assigneeId,
    resolution: issue.resolution,
    createdAt: issue.createdAt.toISOString(),
    updatedAt: issue.updatedAt.toISOString(),
  };
}
