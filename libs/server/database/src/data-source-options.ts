import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { migrations } from './migrations';

/**
 * PGlite is one backend session: connections interleaving the extended query protocol
 * clobber each other's portals, and queries outside a transaction wait behind it. So the
 * embedded database gets exactly one connection, and code inside a transaction must use
 * that transaction's manager for every query.
 */
export const EMBEDDED_POOL_SIZE = 1;

export function dataSourceOptions(url: string, embedded: boolean): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL ≥ 13; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: embedded ? EMBEDDED_POOL_SIZE : 20 },
    logging: false,
  };
}
