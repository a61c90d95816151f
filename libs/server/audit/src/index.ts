export * from './audit-entry.entity';
export * from './audit.module';
export * from './audit.repository';
