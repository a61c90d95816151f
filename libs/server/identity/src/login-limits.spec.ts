import { QueueConnection, RateLimits } from '@cascade/server/queue';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FREE_LOGIN_FAILURES, LoginLimits, loginPause, MAX_LOGIN_PAUSE_SECONDS } from './login-limits';

const FAILURES_PER_ADDRESS = 20;

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('login pause', () => {
  it('lets the first failures through, then doubles the wait up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6].map(loginPause)).toEqual([0, 0, 1, 2, 4, 8]);
    expect(loginPause(FREE_LOGIN_FAILURES + 40)).toBe(MAX_LOGIN_PAUSE_SECONDS);
  });
});

describe('login limits on Redis', () => {
  const prefix = `login-${randomUUID().slice(0, 8)}`;
  let limits: RateLimits;
  let login: LoginLimits;
  let redis: Redis;

  beforeAll(() => {
    limits = new RateLimits(
      new QueueConnection({ kind: 'redis', url: TEST_REDIS_URL, prefix }),
      null as unknown as DataSource,
    );
    login = new LoginLimits(limits, { loginFailuresPerAddress: FAILURES_PER_ADDRESS });
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    limits.onModuleDestroy();
  });

  it('slows one account from one address, not the same account from another address', async () => {
    for (let i = 0; i < FREE_LOGIN_FAILURES; i++) {
      await expect(login.assertMayTry('li@example.test', '10.0.0.1')).resolves.toBeUndefined();
      await login.failed('li@example.test', '10.0.0.1');
    }
    await expect(login.assertMayTry('li@example.test', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    await expect(login.assertMayTry('li@example.test', '10.0.0.2')).resolves.toBeUndefined();
    await login.succeeded('li@example.test', '10.0.0.1');
    await expect(login.assertMayTry('li@example.test', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('caps failures from one address across accounts, without touching other addresses', async () => {
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) await login.failed(`user${i}@example.test`, '10.0.0.9');
    await expect(login.assertMayTry('fresh@example.test', '10.0.0.9')).rejects.toMatchObject({ status: 429 });
    await expect(login.assertMayTry('fresh@example.test', '10.0.0.8')).resolves.toBeUndefined();
  });
});
