import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cascade/server/identity';
import { PlansModule } from '@cascade/server/plans';
import { SessionsModule } from '@cascade/server/sessions';
import { Exam } from './exam.entity';
import { ExamsRepository } from './exams.repository';
import { ExamsService } from './exams.service';

export const EXAM_ENTITIES = [Exam];

@Module({
  imports: [TypeOrmModule.forFeature(EXAM_ENTITIES), IdentityModule, PlansModule, SessionsModule],
  providers: [ExamsRepository, ExamsService],
  exports: [ExamsService],
})
export class ExamsModule {}
