import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cascade/server/identity';
import { PlansModule } from '@cascade/server/plans';
import { SessionsModule } from '@cascade/server/sessions';
import { TrainingIssue } from './training-issue.entity';
import { TrainingIssuesRepository, TrainingIssuesService } from './training-issues.service';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingIssue]), IdentityModule, PlansModule, SessionsModule],
  providers: [TrainingIssuesRepository, TrainingIssuesService],
  exports: [TrainingIssuesService],
})
export class TrainingIssuesModule {}
