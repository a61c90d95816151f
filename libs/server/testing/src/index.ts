export * from './global-setup';
export * from './test-api';
export * from './test-database';
export * from './world';
export * from './redis-server';
export * from './browser';
export * from './api-process';
export * from './training-fixtures';
