import 'reflect-metadata';
import { loadConfig } from '@cascade/server/config';
import { runMigrations } from '@cascade/server/database';
import { prepareInfrastructure } from '@cascade/server/runtime';
import { cliDataSource } from './data-source';

/** `npm run db:migrate`: applies pending migrations and exits. */
async function main(): Promise<void> {
  const infrastructure = await prepareInfrastructure(loadConfig());
  const dataSource = await cliDataSource(infrastructure).initialize();
  try {
    const applied = await runMigrations(dataSource, { lock: !infrastructure.embedded });
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date');
  } finally {
    await dataSource.destroy();
    await infrastructure.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
