import { AppConfig } from '@cascade/server/config';
import { dataSourceOptions } from '@cascade/server/database';
import { ALL_ENTITIES, Infrastructure } from '@cascade/server/runtime';
import { DataSource } from 'typeorm';

export function cliDataSource(infrastructure: Infrastructure): DataSource {
  return new DataSource({
    ...dataSourceOptions(infrastructure.databaseUrl, infrastructure.embedded),
    entities: ALL_ENTITIES,
  });
}

export type { AppConfig };
