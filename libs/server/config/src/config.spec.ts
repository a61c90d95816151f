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
    expect(config.queue).toEqual({ mode: 'redis', redisUrl: 'redis://127.0.0.1:6379', prefix: 'cascade' });
    expect(config.processRole).toBe('api');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(new RegExp(`${variable}:`));
  });
});
