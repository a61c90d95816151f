export * from './job-handlers';
export * from './outbox';
export * from './outbox-message.entity';
export * from './outbox-relay';
export * from './queue-connection';
export * from './queue-registry';
export * from './queue-workers';
export * from './queue.module';
