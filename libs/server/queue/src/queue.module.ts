import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobHandlers } from './job-handlers';
import { PeriodicRunner, PeriodicTasks } from './periodic-tasks';
import { Outbox } from './outbox';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_REDELIVER_AFTER, OUTBOX_RELAY_INTERVAL, OutboxRelay } from './outbox-relay';
import { QueueBackendSettings, QueueConnection } from './queue-connection';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';
import { RateLimits } from './rate-limits';

/** Producing side: the outbox, queues and the registries of job handlers and periodic tasks. Every process has it. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(settings: QueueBackendSettings): DynamicModule {
    return {
      module: QueueModule,
      imports: [TypeOrmModule.forFeature([OutboxMessage])],
      providers: [
        { provide: QueueConnection, useValue: new QueueConnection(settings) },
        Outbox,
        QueueRegistry,
        JobHandlers,
        PeriodicTasks,
        RateLimits,
      ],
      exports: [QueueConnection, Outbox, QueueRegistry, JobHandlers, PeriodicTasks, RateLimits],
    };
  }
}

/** Consuming side: the outbox relay, the queue workers and the periodic tasks. Only worker processes have it. */
@Module({})
export class WorkerRuntimeModule {
  static forRoot(options: { relayIntervalMs: number; redeliverAfterMs: number }): DynamicModule {
    return {
      module: WorkerRuntimeModule,
      providers: [
        { provide: OUTBOX_RELAY_INTERVAL, useValue: options.relayIntervalMs },
        { provide: OUTBOX_REDELIVER_AFTER, useValue: options.redeliverAfterMs },
        OutboxRelay,
        QueueWorkers,
        PeriodicRunner,
      ],
      exports: [OutboxRelay],
    };
  }
}
