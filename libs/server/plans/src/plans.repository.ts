import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ListSpec, ScopedRepository, ScopeRules } from '@cascade/server/core';
import { Repository } from 'typeorm';
import { TrainingPlan } from './training-plan.entity';

@Injectable()
export class PlansRepository extends ScopedRepository<TrainingPlan> {
  protected readonly alias = 'plan';
  protected readonly entityName = 'Training plan';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    // Trainees see the plans that name them or schedule them.
    selfCondition: `EXISTS (SELECT 1 FROM plan_target pt WHERE pt.plan_id = {alias}.id AND pt.user_id = :scopeSelfId)
      OR EXISTS (SELECT 1 FROM training_session s JOIN session_enrollment e ON e.session_id = s.id
                  WHERE s.plan_id = {alias}.id AND e.user_id = :scopeSelfId)`,
  };
  readonly listSpec: ListSpec = {
    sortable: { title: 'title', status: 'status', createdAt: 'createdAt', updatedAt: 'updatedAt' },
    defaultSort: 'updatedAt',
    searchable: ['title', 'goals'],
    filters: { status: 'status', organizationId: 'organizationId' },
  };

  constructor(@InjectRepository(TrainingPlan) repository: Repository<TrainingPlan>) {
    super(repository);
  }
}
