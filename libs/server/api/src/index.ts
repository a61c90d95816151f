export * from './app.module';
export * from './bootstrap';
export * from './demo/demo-data';
export * from './demo/seed';
