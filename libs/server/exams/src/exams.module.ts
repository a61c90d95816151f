import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesModule } from '@cascade/server/certificates';
import { IdentityModule } from '@cascade/server/identity';
import { PlansModule } from '@cascade/server/plans';
import { NotificationsModule } from '@cascade/server/notifications';
import { QuestionsModule } from '@cascade/server/questions';
import { SessionsModule } from '@cascade/server/sessions';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { AttemptsRepository, AttemptsService } from './attempts.service';
import { Exam } from './exam.entity';
import { ExamsRepository } from './exams.repository';
import { ExamsService } from './exams.service';
import { ExamResultsRepository, ResultsLoopRepository } from './exam-results.repository';
import { ExamResultsService } from './exam-results.service';
import { GradingHandler } from './grading.handler';
import { AttemptSettlement } from './attempt-settlement';
import { ExamAssignedHandler } from './exam-assigned.handler';
import { AttemptSweep } from './attempt-sweep';
import { KeyCorrection } from './key-correction.entity';
import { RecognitionPolicy, ResultsRelease } from './results-loop.entities';
import { ResultsLoopService } from './results-loop.service';
import { KeyCorrectionsService } from './key-corrections.service';
import { ManualGradingService } from './manual-grading.service';
import { LearningGainService } from './learning-gain.service';
import { FilesModule } from '@cascade/server/files';
import { AttemptFileReader } from './attempt-file-reader';

export const EXAM_ENTITIES = [Exam, Attempt, AttemptItem, KeyCorrection, RecognitionPolicy, ResultsRelease];

@Module({
  imports: [
    TypeOrmModule.forFeature(EXAM_ENTITIES),
    IdentityModule,
    PlansModule,
    SessionsModule,
    QuestionsModule,
    FilesModule,
    NotificationsModule,
    CertificatesModule,
  ],
  providers: [
    AttemptFileReader,
    ExamsRepository,
    ExamsService,
    AttemptsRepository,
    AttemptsService,
    GradingHandler,
    AttemptSettlement,
    ExamAssignedHandler,
    ManualGradingService,
    KeyCorrectionsService,
    AttemptSweep,
    ResultsLoopRepository,
    ResultsLoopService,
    ExamResultsRepository,
    ExamResultsService,
    LearningGainService,
  ],
  exports: [
    ResultsLoopService,
    ExamsService,
    AttemptsService,
    ManualGradingService,
    KeyCorrectionsService,
    ExamResultsService,
    LearningGainService,
  ],
})
export class ExamsModule {}
