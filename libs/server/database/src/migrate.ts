import { DataSource } from 'typeorm';

/**
 * One advisory lock around migrations, so replicas starting together migrate once. The
 * embedded database serves a single process over a single connection, so it needs none
 * (and a lock holding that connection would leave the migrations none to run on).
 */
export async function runMigrations(dataSource: DataSource, options: { lock?: boolean } = {}): Promise<string[]> {
  if (options.lock === false) {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(727274)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await runner.release();
  }
}
