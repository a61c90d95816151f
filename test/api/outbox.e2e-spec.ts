import { RequestContext } from '@cascade/server/core';
import {
  JobHandlers,
  JOB_DEFAULTS,
  QueueConnection,
  QueueRegistry,
  RedisEvictionPolicyError,
} from '@cascade/server/queue';
import {
  createWorld,
  eventually,
  PrivateRedis,
  startPrivateRedis,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const welcomeCount = async (api: TestApi, userId: string) =>
  Number(
    (
      await api.dataSource.query(`SELECT count(*) FROM notification WHERE user_id = $1 AND kind = 'welcome'`, [userId])
    )[0].count,
  );

describe('outbox and queue', () => {
  describe('when Redis dies and comes back', () => {
    let redis: PrivateRedis;
    let api: TestApi;
    let world: World;
    let admin: string;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      api = await startTestApi({ REDIS_URL: redis.url });
      world = await createWorld(api);
      admin = await api.login(world.admin.email);
    });
    afterAll(async () => {
      await api?.close();
      await redis?.stop();
    });

    it('accepts every change while Redis is down and delivers each job exactly once after', async () => {
      const create = (i: number) =>
        api
          .http()
          .post('/api/users')
          .set('authorization', admin)
          .send({
            organizationId: world.clientA.id,
            email: `burst-${i}@example.test`,
            name: `Burst ${i}`,
            roles: ['trainee'],
          });
      const before = await Promise.all([0, 1, 2].map(create));
      await redis.kill();
      const during = await Promise.all([3, 4, 5, 6, 7].map(create));
      for (const response of [...before, ...during]) expect(response.status).toBe(201);
      // While Redis is down the rows wait in PostgreSQL.
      const pending = await eventually(
        async () => {
          const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
          return row.n >= 5 ? row.n : undefined;
        },
        5000,
        'pending outbox rows',
      );
      expect(pending).toBeGreaterThanOrEqual(5);

      await redis.restart();
      const ids = [...before, ...during].map((r) => r.body.id as string);
      await eventually(
        async () => {
          const counts = await Promise.all(ids.map((id) => welcomeCount(api, id)));
          return counts.every((c) => c === 1) ? counts : undefined;
        },
        30_000,
        'every welcome notification',
      );
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`);
      expect(n).toBe(0);
    });
  });

  describe('when Redis restarts without its data', () => {
    let redis: PrivateRedis;
    let api: TestApi;
    let world: World;

    beforeAll(async () => {
      redis = await startPrivateRedis();
      // An api without a worker: jobs reach Redis and wait there.
      api = await startTestApi({ REDIS_URL: redis.url, PROCESS_ROLE: 'api' });
      world = await createWorld(api);
    });
    afterAll(async () => {
      await api?.close();
      await redis?.stop();
    });

    it('hands unfinished jobs to the queue again, and they run once', async () => {
      // Hand every job to Redis as the relay does, with no worker to run them yet...
      const rows: { id: string; queue: string; job_name: string; payload: object }[] = await api.dataSource.query(
        `SELECT id, queue, job_name, payload FROM outbox WHERE dispatched_at IS NULL`,
      );
      for (const row of rows)
        await api.app
          .get(QueueRegistry)
          .get(row.queue)
          .add(row.job_name, row.payload, { ...JOB_DEFAULTS, jobId: row.id });
      await api.dataSource.query(`UPDATE outbox SET dispatched_at = now() - interval '1 minute' WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      // ...then lose Redis and everything it held.
      await redis.kill();
      await redis.restart();
      const users = [world.traineeA, world.traineeA2, world.traineeB, world.managerA];
      const counts = async () => Promise.all(users.map((u) => welcomeCount(api, u.id)));
      expect(await counts()).toEqual([0, 0, 0, 0]);
      const worker = await startTestApi(
        { REDIS_URL: redis.url, PROCESS_ROLE: 'all', QUEUE_PREFIX: api.config.queue.prefix },
        { database: api.database },
      );
      try {
        await eventually(
          async () => ((await counts()).every((c) => c === 1) ? true : undefined),
          30_000,
          'welcomes after the restart',
        );
        const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL`);
        expect(row.n).toBe(0);
      } finally {
        await worker.close();
      }
    });
  });

  describe('when a relay crashes between queueing a job and marking it', () => {
    let api: TestApi;
    let world: World;

    beforeAll(async () => {
      api = await startTestApi({ PROCESS_ROLE: 'api' });
      world = await createWorld(api);
    });
    afterAll(() => api?.close());

    it('re-relays the row under the same job id and the job still runs once', async () => {
      const [row] = await api.dataSource.query(
        `SELECT id, queue, job_name, payload FROM outbox WHERE payload->>'userId' = $1`,
        [world.traineeA.id],
      );
      // The crashed relay had already handed the job to the queue but never marked the row.
      await api.app
        .get(QueueRegistry)
        .get(row.queue)
        .add(row.job_name, row.payload, { ...JOB_DEFAULTS, jobId: row.id });
      const worker = await startTestApi(
        { PROCESS_ROLE: 'all', QUEUE_PREFIX: api.config.queue.prefix },
        { database: api.database },
      );
      try {
        await eventually(async () => (await welcomeCount(api, world.traineeA.id)) === 1, 15_000, 'welcome');
        await eventually(async () => {
          const [r] = await api.dataSource.query(`SELECT dispatched_at FROM outbox WHERE id = $1`, [row.id]);
          return r.dispatched_at !== null;
        });
        const queue = api.app.get(QueueRegistry).get(row.queue);
        const job = await queue.getJob(row.id);
        expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await welcomeCount(api, world.traineeA.id)).toBe(1);
      } finally {
        await worker.close();
      }
    });

    it('keeps handlers idempotent when a job runs twice', async () => {
      const [row] = await api.dataSource.query(`SELECT id, payload FROM outbox WHERE payload->>'userId' = $1`, [
        world.traineeB.id,
      ]);
      const handler = api.app.get(JobHandlers).get('user.welcome')!;
      // Two deliveries of one job, as after a worker dies before acknowledging it.
      await RequestContext.runAsSystem(() =>
        Promise.all([
          handler(row.payload, { jobId: row.id, attemptsMade: 0 }),
          handler(row.payload, { jobId: row.id, attemptsMade: 1 }),
        ]),
      );
      expect(await welcomeCount(api, world.traineeB.id)).toBe(1);
    });
  });

  describe('on a Redis that evicts keys', () => {
    let redis: PrivateRedis;
    beforeAll(async () => {
      redis = await startPrivateRedis({ maxmemoryPolicy: 'allkeys-lru' });
    });
    afterAll(() => redis?.stop());

    it('refuses to run the queue', async () => {
      const connection = new QueueConnection({ kind: 'redis', url: redis.url, prefix: 'x' });
      await expect(connection.assertSafeForQueues()).rejects.toThrow(RedisEvictionPolicyError);
      await expect(connection.assertSafeForQueues()).rejects.toThrow(/maxmemory-policy is "allkeys-lru"/);
    });

    const workerEntry = join(__dirname, '../../dist/server/apps/worker/src/main.js');
    (existsSync(workerEntry) ? it : it.skip)('makes the worker process exit with a clear message', async () => {
      const api = await startTestApi({ PROCESS_ROLE: 'api' });
      try {
        const child = spawn(process.execPath, [workerEntry], {
          env: {
            ...process.env,
            DATABASE_URL: api.config.database.url!,
            REDIS_URL: redis.url,
            LOG_LEVEL: 'error',
            DATA_DIR: api.config.dataDir,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
        expect(code).toBe(1);
        expect(output).toContain('maxmemory-policy is "allkeys-lru"');
      } finally {
        await api.close();
      }
    });
  });
});
