import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Static checks of the container setup (no Docker engine needed): docker/compose.yml and
 * docker/Dockerfile must agree with each other and with the entry points in package.json.
 */
const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string> | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: unknown[];
  healthcheck?: { test?: unknown; disable?: boolean };
}

const compose = parse(read('docker/compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const dockerfile = read('docker/Dockerfile');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The `node <file>.js` entry a package.json script ends with. */
function scriptEntry(name: string): string {
  const match = /node\s+(\S+\.js)\s*$/.exec(scripts[name] ?? '');
  if (!match) throw new Error(`package.json script "${name}" does not end with "node <entry>.js": ${scripts[name]}`);
  return match[1];
}

function env(service: Service): Record<string, string> {
  const e = service.environment ?? {};
  if (!Array.isArray(e)) return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, String(v)]));
  return Object.fromEntries(
    e.map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at), line.slice(at + 1)];
    }),
  );
}

const words = (command: string | string[] | undefined) =>
  (Array.isArray(command) ? command : (command ?? '').split(/\s+/)).filter(Boolean);

function dependsOnHealthy(service: Service, other: string): boolean {
  const d = service.depends_on;
  return !!d && !Array.isArray(d) && d[other]?.condition === 'service_healthy';
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages: string[][] = [];
for (const line of instructions) {
  if (/^FROM\s/i.test(line)) stages.push([]);
  stages.at(-1)?.push(line);
}
const finalStage = stages.at(-1) ?? [];

describe('docker/compose.yml', () => {
  it('runs PostgreSQL 16 with a volume and a pg_isready healthcheck', () => {
    const pg = services.postgres;
    expect(pg.image).toMatch(/^postgres:16(\b|$)/);
    expect(pg.volumes?.length).toBeGreaterThan(0);
    expect(JSON.stringify(pg.healthcheck?.test)).toContain('pg_isready');
  });

  it('runs Redis 7 with AOF fsynced every second and noeviction', () => {
    const redis = services.redis;
    expect(redis.image).toMatch(/^redis:7(\b|$)/);
    const args = words(redis.command).join(' ');
    expect(args).toMatch(/--appendonly\s+yes/);
    expect(args).toMatch(/--appendfsync\s+everysec/);
    expect(args).toMatch(/--maxmemory-policy\s+noeviction/);
    expect(redis.volumes?.length).toBeGreaterThan(0);
    expect(redis.healthcheck?.test).toBeDefined();
  });

  it('builds api and worker from the same Dockerfile and context', () => {
    const { api, worker } = services;
    expect(api).toBeDefined();
    expect(worker).toBeDefined();
    expect(api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(worker.build ?? api.build).toEqual(api.build);
    if (api.image || worker.image) expect(worker.image).toBe(api.image);
  });

  it('exposes the api on 3000 and runs the image default (api) command there', () => {
    const api = services.api;
    expect((api.ports ?? []).map(String)).toContain('3000:3000');
    expect(api.command).toBeUndefined();
    expect(env(api).PROCESS_ROLE).toBe('api');
    expect(dependsOnHealthy(api, 'postgres')).toBe(true);
    expect(dependsOnHealthy(api, 'redis')).toBe(true);
  });

  it('runs the worker entry of package.json after the api (and its migrations) is healthy', () => {
    const worker = services.worker;
    expect(words(worker.command)).toEqual(['node', scriptEntry('start:worker')]);
    expect(env(worker).PROCESS_ROLE).toBe('worker');
    expect(dependsOnHealthy(worker, 'api')).toBe(true);
  });

  it.each(['api', 'worker'])('points %s at the compose PostgreSQL and Redis and requires JWT_SECRET', (name) => {
    const e = env(services[name]);
    expect(new URL(e.DATABASE_URL).protocol).toMatch(/^postgres(ql)?:$/);
    expect(new URL(e.DATABASE_URL).hostname).toBe('postgres');
    expect(new URL(e.REDIS_URL).protocol).toBe('redis:');
    expect(new URL(e.REDIS_URL).hostname).toBe('redis');
    // `${VAR:?message}` makes compose refuse to start without the variable.
    expect(e.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]*\}$/);
  });
});

describe('docker/Dockerfile', () => {
  it('is multi-stage on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const bases = stages.map((stage) => stage[0].split(/\s+/)[1]);
    const named = stages.map((stage) => /\sAS\s+(\S+)/i.exec(stage[0])?.[1]);
    expect(bases.filter((base) => !named.includes(base))).toEqual(
      bases.filter((base) => base === 'node:20-bookworm-slim'),
    );
    expect(bases[0]).toBe('node:20-bookworm-slim');
    expect(bases.at(-1)).toBe('node:20-bookworm-slim');
  });

  it('installs production dependencies only in the final stage and runs as a non-root user', () => {
    expect(finalStage.some((line) => /^RUN\s.*\bnpm ci\b.*--omit=dev\b/.test(line))).toBe(true);
    const users = finalStage.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
    expect(finalStage).toContainEqual(expect.stringMatching(/^EXPOSE\s+3000\b/));
    expect(finalStage).toContainEqual(expect.stringMatching(/^HEALTHCHECK\s.*\/health/));
  });

  it('starts the same api entry as package.json and copies dist/ that contains both entries', () => {
    const apiEntry = scriptEntry('start');
    const workerEntry = scriptEntry('start:worker');
    expect(apiEntry).toBe('dist/server/apps/api/src/main.js');
    expect(workerEntry).toBe('dist/server/apps/worker/src/main.js');
    const cmd = finalStage.filter((line) => /^CMD\s/i.test(line)).at(-1) ?? '';
    const args = JSON.parse(cmd.replace(/^CMD\s+/i, '')) as string[];
    expect(args).toEqual(['node', apiEntry]);
    // Both entries live under dist/, which the final stage copies from the build stage.
    expect(finalStage).toContainEqual(
      expect.stringMatching(/^COPY\s+--from=\S+.*\s\/app\/dist\s+(\.\/dist|\/app\/dist)\/?$/),
    );
    expect(finalStage).toContainEqual(expect.stringMatching(/^WORKDIR\s+\/app$/));
  });
});
