import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'cascade-config-'));

describe('loadConfig', () => {
  it('defaults to the embedded database and the PostgreSQL queue backend', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.database).toEqual({ mode: 'embedded', url: null });
    expect(config.queue.mode).toBe('postgres');
    expect(config.port).toBe(3000);
    expect(config.processRole).toBe('all');
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('keeps a generated secret across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(loadConfig({ DATA_DIR: dir }).jwtSecret);
  });

  it('uses external servers when their URLs are set', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.database.mode).toBe('external');
    expect(config.queue).toEqual({
      mode: 'redis',
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: 'cascade',
      jobLockMs: 30_000,
    });
    expect(config.processRole).toBe('api');
  });

  it('sends no email without SMTP_URL and keeps webhooks off private addresses by default', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.mail.smtpUrl).toBeNull();
    expect(config.webhooks).toEqual({ allowPrivate: false, timeoutMs: 10_000, maxAttempts: 8, disableAfter: 5 });
    const configured = loadConfig({
      DATA_DIR: dataDir(),
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      MAIL_FROM: 'Training <training@example.com>',
      WEBHOOKS_ALLOW_PRIVATE: 'true',
    });
    expect(configured.mail).toEqual({
      smtpUrl: 'smtps://user:pass@mail.example.com:465',
      from: 'Training <training@example.com>',
    });
    expect(configured.webhooks.allowPrivate).toBe(true);
  });

  it('serves the API docs outside production, and in production only with API_DOCS=true', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ DATA_DIR: dataDir() }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test' }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', ...secret }).apiDocs).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', API_DOCS: 'true', ...secret }).apiDocs).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), API_DOCS: 'false' }).apiDocs).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
    [{ WEBHOOKS_ALLOW_PRIVATE: 'yes' }, 'WEBHOOKS_ALLOW_PRIVATE'],
    [{ WEBHOOK_MAX_ATTEMPTS: '9' }, 'WEBHOOK_MAX_ATTEMPTS'],
    [{ API_DOCS: 'on' }, 'API_DOCS'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`${variable}:`));
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });
});
