import {
  ApiProcess,
  createTestDatabase,
  startApiProcess,
  TEST_REDIS_URL,
  TestDatabase,
  uniqueName,
} from '@cascade/server/testing';

/**
 * Rate limits hold across api replicas: two api processes on one database count one
 * budget, in Redis when it is configured and in PostgreSQL when it is not.
 */
describe.each([
  ['Redis', { REDIS_URL: TEST_REDIS_URL }],
  ['PostgreSQL', { REDIS_URL: undefined }],
])('rate limits across two api replicas, counted in %s', (_store, storeEnv) => {
  let database: TestDatabase;
  let replicas: ApiProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      QUEUE_PREFIX: uniqueName('replicas'),
      SEED_DEMO: 'false',
      JWT_SECRET: 'replica-secret-replica-secret-replica-00',
      LOG_LEVEL: 'error',
      PROCESS_ROLE: 'api',
      DATA_DIR: `/tmp/${uniqueName('cascade-replicas')}`,
      ...storeEnv,
    };
    // One after the other: the first applies the migrations.
    replicas = [await startApiProcess(env)];
    replicas.push(await startApiProcess(env));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await database?.drop();
  });

  it('answers the 61st verification of a minute from one address with 429, whichever replica gets it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const replica = replicas[i % 2];
      statuses.push((await fetch(`${replica.baseUrl}/api/verify/${'C'.repeat(24)}`)).status);
    }
    // Each replica alone has seen only 30: a per-process count would still let them through.
    expect(statuses).toEqual(Array(60).fill(404));
    for (const replica of replicas) {
      const limited = await fetch(`${replica.baseUrl}/api/verify/${'C'.repeat(24)}`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});
