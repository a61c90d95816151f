import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, ConfigModule } from '@cascade/server/config';
import { dataSourceOptions } from '@cascade/server/database';
import { AccessModule } from '@cascade/server/access';
import { AuditModule } from '@cascade/server/audit';
import { CertificatesModule } from '@cascade/server/certificates';
import { IdentityModule } from '@cascade/server/identity';
import { ExamsModule } from '@cascade/server/exams';
import { FeedbackModule } from '@cascade/server/feedback';
import { FilesModule } from '@cascade/server/files';
import { NotificationsModule } from '@cascade/server/notifications';
import { PlansModule } from '@cascade/server/plans';
import { SessionsModule } from '@cascade/server/sessions';
import { TrainingIssuesModule } from '@cascade/server/training-issues';
import { QuestionsModule } from '@cascade/server/questions';
import { QualificationsModule } from '@cascade/server/qualifications';
import { QueueModule, WorkerRuntimeModule } from '@cascade/server/queue';
import { LoggerModule } from 'nestjs-pino';
import { AccessTokensModule } from './access-tokens.module';
import { ALL_ENTITIES } from './entities';
import { Infrastructure } from './infrastructure';

/**
 * Everything both processes share: configuration, logging, the database, the queue's
 * producing side and the domain modules. The api adds controllers; a process that
 * consumes jobs adds the worker runtime.
 */
@Module({})
export class CascadeCoreModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure, options: { runsWorker: boolean }): DynamicModule {
    return {
      module: CascadeCoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Fastify already assigned the id (from x-request-id or a new UUID); reuse it.
            genReqId: (request) => (request as unknown as { id: string }).id,
            autoLogging: { ignore: (request) => request.url === '/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        AccessTokensModule.forRoot(config.jwtSecret),
        AccessModule,
        TypeOrmModule.forRoot({
          ...dataSourceOptions(infrastructure.databaseUrl, infrastructure.embedded),
          entities: ALL_ENTITIES,
        }),
        QueueModule.forRoot(infrastructure.queue),
        ...(options.runsWorker
          ? [
              WorkerRuntimeModule.forRoot({
                relayIntervalMs: config.relayIntervalMs,
                redeliverAfterMs: config.redeliverAfterMs,
              }),
            ]
          : []),
        AuditModule,
        IdentityModule,
        NotificationsModule,
        FilesModule,
        PlansModule,
        SessionsModule,
        TrainingIssuesModule,
        ExamsModule,
        QuestionsModule,
        FeedbackModule,
        CertificatesModule,
        QualificationsModule,
      ],
      exports: [
        IdentityModule,
        NotificationsModule,
        AuditModule,
        FilesModule,
        PlansModule,
        SessionsModule,
        TrainingIssuesModule,
        ExamsModule,
        QuestionsModule,
        FeedbackModule,
        CertificatesModule,
        QualificationsModule,
      ],
    };
  }
}
