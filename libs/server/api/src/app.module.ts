import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AppConfig } from '@cascade/server/config';
import { AuthGuard, ProblemDetailsFilter, RequestContextInterceptor, StrictValidationPipe } from '@cascade/server/core';
import { CascadeCoreModule, Infrastructure } from '@cascade/server/runtime';
import { join } from 'node:path';
import { AttemptsController } from './http/attempts.controller';
import { AuditController } from './http/audit.controller';
import { AuthController } from './http/auth.controller';
import { PasswordsController } from './http/passwords.controller';
import { CalendarController } from './http/calendar.controller';
import { CascadeController, CertificatesController, VerifyController } from './http/certificates.controller';
import { DepartmentsController } from './http/departments.controller';
import { ExamResultsController, LearningGainController } from './http/exam-results.controller';
import { ExamsController } from './http/exams.controller';
import { FeedbackController, FeedbackFormsController } from './http/feedback.controller';
import { FilesController } from './http/files.controller';
import { GradingController } from './http/grading.controller';
import { ResultsLoopController } from './http/results-loop.controller';
import { HealthController } from './http/health.controller';
import { MeController } from './http/me.controller';
import { NotificationPreferencesController } from './http/notification-preferences.controller';
import { OrganizationsController } from './http/organizations.controller';
import { SessionIntegrityController } from './http/session-integrity.controller';
import { SessionsController } from './http/sessions.controller';
import { TrainingIssuesController } from './http/training-issues.controller';
import { TrainingPlansController } from './http/training-plans.controller';
import { UsersController } from './http/users.controller';
import { WebhooksController } from './http/webhooks.controller';
import { QuestionsController } from './http/questions.controller';
import { ScenariosController } from './http/scenarios.controller';
import {
  EligibleLeadsController,
  QualificationsController,
  QualificationTracksController,
  TeachBacksController,
} from './http/qualifications.controller';
import { RequestLimits } from './http/request-limits';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [CascadeCoreModule.forRoot(config, infrastructure, { runsWorker: config.processRole === 'all' })],
      controllers: [
        HealthController,
        AuthController,
        PasswordsController,
        OrganizationsController,
        DepartmentsController,
        UsersController,
        MeController,
        NotificationPreferencesController,
        WebhooksController,
        AuditController,
        FilesController,
        TrainingPlansController,
        SessionsController,
        SessionIntegrityController,
        CalendarController,
        TrainingIssuesController,
        ExamsController,
        GradingController,
        ResultsLoopController,
        FeedbackFormsController,
        FeedbackController,
        AttemptsController,
        ExamResultsController,
        LearningGainController,
        ScenariosController,
        QuestionsController,
        CertificatesController,
        VerifyController,
        CascadeController,
        QualificationTracksController,
        QualificationsController,
        TeachBacksController,
        EligibleLeadsController,
      ],
      providers: [
        RequestLimits,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_FILTER, useValue: new ProblemDetailsFilter(join(config.consoleDir, 'index.html')) },
      ],
    };
  }
}
