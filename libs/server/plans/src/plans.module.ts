import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '@cascade/server/files';
import { IdentityModule } from '@cascade/server/identity';
import { PlanModule } from './plan-module.entity';
import { PlanRevision } from './plan-revision.entity';
import { PlanTarget } from './plan-target.entity';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';
import { TrainingPlan } from './training-plan.entity';
import { PlanFileReader } from './plan-file-reader';

export const PLAN_ENTITIES = [TrainingPlan, PlanModule, PlanTarget, PlanRevision];

@Module({
  imports: [TypeOrmModule.forFeature(PLAN_ENTITIES), IdentityModule, FilesModule],
  providers: [PlanFileReader, PlansRepository, PlansService],
  exports: [PlansService],
})
export class PlansModule {}
