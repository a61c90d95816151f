import { AppConfig } from '@cascade/server/config';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckInLimiter, WRONG_CODES_PER_MINUTE } from './check-in-limiter';

// The machine's Redis, as the e2e suites use it; a prefix of its own keeps this run apart.
const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('check-in limiter on Redis', () => {
  const prefix = `limits-${randomUUID().slice(0, 8)}`;
  const config = { queue: { redisUrl: TEST_REDIS_URL, prefix } } as AppConfig;
  let limiter: CheckInLimiter;
  let redis: Redis;

  beforeAll(() => {
    limiter = new CheckInLimiter(config, null as unknown as DataSource);
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await limiter.onModuleDestroy();
  });

  it('lets a person try until the minute’s wrong codes are used up, per session and person', async () => {
    expect(await limiter.retryAfter('s1', 'u1')).toBeNull();
    for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++) expect(await limiter.wrongCode('s1', 'u1')).toBeNull();
    const wait = await limiter.retryAfter('s1', 'u1');
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await redis.get(`${prefix}:check-in-wrong-code:s1:u1`)).toBe(String(WRONG_CODES_PER_MINUTE));
    // One more wrong code at the same instant is over the limit too.
    expect(await limiter.wrongCode('s1', 'u1')).toBeGreaterThanOrEqual(1);
    expect(await limiter.retryAfter('s1', 'u2')).toBeNull();
    expect(await limiter.retryAfter('s2', 'u1')).toBeNull();
  });

  it('forgets a person’s count when their entry is reopened', async () => {
    await limiter.forget('s1', 'u1');
    expect(await limiter.retryAfter('s1', 'u1')).toBeNull();
    expect(await redis.exists(`${prefix}:check-in-wrong-code:s1:u1`)).toBe(0);
  });
});
