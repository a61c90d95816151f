export * from './data-source-options';
export * from './embedded-postgres';
export * from './migrate';
export * from './snake-naming.strategy';
