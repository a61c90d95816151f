import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QueueConnection } from './queue-connection';
import { RateLimits } from './rate-limits';

// The machine's Redis, as the e2e suites use it; a prefix of its own keeps this run apart.
const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limits on Redis', () => {
  const prefix = `limits-${randomUUID().slice(0, 8)}`;
  let limits: RateLimits;
  let redis: Redis;

  beforeAll(() => {
    limits = new RateLimits(
      new QueueConnection({ kind: 'redis', url: TEST_REDIS_URL, prefix }),
      null as unknown as DataSource,
    );
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    limits.onModuleDestroy();
  });

  it('lets a key spend its points within the window, then says how long to wait, per key', async () => {
    const limiter = limits.limiter({ name: 'tries', points: 3, windowSeconds: 60 });
    expect(await limiter.retryAfter('a')).toBeNull();
    for (let i = 0; i < 3; i++) expect(await limiter.take('a')).toBeNull();
    const wait = await limiter.retryAfter('a');
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await redis.get(`${prefix}:tries:a`)).toBe('3');
    // One more at the same instant is over the limit too.
    expect(await limiter.take('a')).toBeGreaterThanOrEqual(1);
    expect(await limiter.retryAfter('b')).toBeNull();
  });

  it('keeps each limit apart, and forgets a key on request', async () => {
    const other = limits.limiter({ name: 'other', points: 1, windowSeconds: 60 });
    expect(await other.take('a')).toBeNull();
    const tries = limits.limiter({ name: 'tries', points: 3, windowSeconds: 60 });
    await tries.forget('a');
    expect(await tries.retryAfter('a')).toBeNull();
    expect(await redis.exists(`${prefix}:tries:a`)).toBe(0);
    expect(await other.take('a')).toBeGreaterThanOrEqual(1);
  });
});
