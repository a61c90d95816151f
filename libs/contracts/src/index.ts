export * from './identity';
export * from './lists';
export * from './notifications';
export * from './problems';
export * from './queues';
export * from './training';
export * from './questions';
export * from './exams';
