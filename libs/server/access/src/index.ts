export * from './access.module';
export * from './actor-facts.repository';
