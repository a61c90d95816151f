import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobHandlers } from './job-handlers';
import { Outbox } from './outbox';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_REDELIVER_AFTER, OUTBOX_RELAY_INTERVAL, OutboxRelay } from './outbox-relay';
import { QueueBackendSettings, QueueConnection } from './queue-connection';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';

/** Producing side: the outbox, queues and the handler registry. Every process has it. */
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
      ],
      exports: [QueueConnection, Outbox, QueueRegistry, JobHandlers],
    };
  }
}

/** Consuming side: the outbox relay and the queue workers. Only worker processes have it. */
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
      ],
      exports: [OutboxRelay],
    };
  }
}
