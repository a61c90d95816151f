import { dataSourceOptions, runMigrations } from '@cascade/server/database';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropDatabase, TEMPLATE_ENV } from './test-database';

/** Creates and migrates the template database that every test database is copied from. */
export async function createTemplateDatabase(): Promise<void> {
  const template = await createTestDatabase({ fromTemplate: false });
  const dataSource = await new DataSource(dataSourceOptions(template.url, false)).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  process.env[TEMPLATE_ENV] = template.name;
}

export async function dropTemplateDatabase(): Promise<void> {
  const name = process.env[TEMPLATE_ENV];
  if (name) await dropDatabase(name);
}
