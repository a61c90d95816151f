/**
 * `npm run bench:checkin`: the sign-in burst. 500 enrolled trainees, each with their own
 * token, check in to one session through the real api (its own process) on real PostgreSQL
 * and Redis. In the same run it measures the machine's ceiling: the same number of
 * single-row upserts sent straight to PostgreSQL at the same concurrency.
 */
import 'reflect-metadata';
import {
  createTestDatabase,
  sessionTokens,
  startApiProcess,
  TEST_REDIS_URL,
  uniqueName,
} from '@cascade/server/testing';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Client, Pool } from 'pg';
import { burst, BurstFigures, fmt, median } from './measure';
import { json, seedPeople } from './bench-setup';

const TRAINEES = Number(process.env.BENCH_TRAINEES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECRET = 'bench-secret-bench-secret-bench-secret-00';

interface RunResult {
  api: BurstFigures;
  ceiling: BurstFigures;
  rows: number;
}

function post(agent: http.Agent, port: number, path: string, token: string, body: object): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function ceiling(url: string, count: number, concurrency: number): Promise<BurstFigures> {
  const pool = new Pool({ connectionString: url, max: concurrency });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_upsert (id uuid PRIMARY KEY, session_id uuid NOT NULL, checked_in_at timestamptz NOT NULL)',
  );
  await pool.query('TRUNCATE bench_upsert');
  const session = randomUUID();
  const ids = Array.from({ length: count }, () => randomUUID());
  await Promise.all(Array.from({ length: concurrency }, () => pool.query('SELECT 1')));
  const figures = await burst(count, concurrency, async (i) => {
    await pool.query(
      `INSERT INTO bench_upsert (id, session_id, checked_in_at) VALUES ($1, $2, now()) ON CONFLICT (id) DO UPDATE SET checked_in_at = EXCLUDED.checked_in_at`,
      [ids[i], session],
    );
    return true;
  });
  await pool.end();
  return figures;
}

async function run(index: number): Promise<RunResult> {
  const database = await createTestDatabase({ fromTemplate: false });
  const api = await startApiProcess({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('bench'),
    // The api alone, as in production; nothing on the check-in path waits for a worker.
    PROCESS_ROLE: 'api',
    SEED_DEMO: 'false',
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    DATA_DIR: `/tmp/${uniqueName('cascade-bench')}`,
  });
  try {
    const { admin, clientOrg, trainees } = await seedPeople(database.url, TRAINEES);
    const [adminToken, ...tokens] = await sessionTokens(database.url, SECRET, [admin, ...trainees], 900);
    const plan = await json(api.baseUrl, '/api/training-plans', adminToken, {
      method: 'POST',
      body: {
        organizationId: clientOrg,
        title: '签到压测',
        goals: '一次签到高峰',
        assessmentMethod: '无',
        signInMethod: 'qr',
        trainerIds: [admin],
        modules: [{ businessProcess: '采购', title: '采购下单', durationMinutes: 60 }],
      },
    });
    const now = Date.now();
    const session = await json(api.baseUrl, '/api/sessions', adminToken, {
      method: 'POST',
      body: {
        planId: plan.id,
        moduleId: plan.modules[0].id,
        startsAt: new Date(now + 5 * 60_000).toISOString(),
        endsAt: new Date(now + 65 * 60_000).toISOString(),
        timeZone: 'Asia/Shanghai',
        location: `大会议室 ${index}`,
        capacity: 1000,
        trainers: [{ userId: admin, role: 'lead' }],
      },
    });
    await json(api.baseUrl, `/api/sessions/${session.id}/enrollments`, adminToken, {
      method: 'POST',
      body: { userIds: trainees },
    });
    const port = Number(new URL(api.baseUrl).port);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    // Warm the connections and the api's code paths, as a room of phones would have done by loading the page.
    await Promise.all(Array.from({ length: CONCURRENCY }, () => fetch(`${api.baseUrl}/health`)));
    const { code } = await json(api.baseUrl, `/api/sessions/${session.id}/check-in-code`, adminToken);
    const apiFigures = await burst(TRAINEES, CONCURRENCY, async (i) => {
      const status = await post(agent, port, `/api/sessions/${session.id}/check-ins`, tokens[i], {
        code,
        method: 'qr',
      });
      return status === 201;
    });
    agent.destroy();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const [{ rows }] = (
      await client.query('SELECT count(*)::int AS rows FROM attendance WHERE session_id = $1', [session.id])
    ).rows;
    await client.end();
    const ceilingFigures = await ceiling(database.url, TRAINEES, CONCURRENCY);
    return { api: apiFigures, ceiling: ceilingFigures, rows };
  } finally {
    await api.stop();
    await database.drop();
  }
}

function line(label: string, f: BurstFigures): string {
  return `${label.padEnd(34)} ${fmt(f.wallMs, 0).padStart(7)} ms ${fmt(f.perSecond, 0).padStart(7)}/s  p50 ${fmt(f.p50).padStart(6)}  p99 ${fmt(f.p99).padStart(6)}  max ${fmt(f.max).padStart(6)} ms  errors ${f.errors}`;
}

async function main(): Promise<void> {
  console.log(`Sign-in burst: ${TRAINEES} enrolled trainees, concurrency ${CONCURRENCY}, ${RUNS} runs`);
  const results: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await run(i);
    results.push(result);
    console.log(`run ${i + 1}`);
    console.log(`  ${line('check-ins through the api', result.api)}  rows ${result.rows}`);
    console.log(`  ${line('ceiling: upserts straight to PG', result.ceiling)}`);
  }
  const m = (pick: (r: RunResult) => number) => median(results.map(pick));
  console.log(`\nmedian of ${RUNS} runs`);
  console.log(
    `  api:     all ${TRAINEES} in ${fmt(
      m((r) => r.api.wallMs),
      0,
    )} ms, ${fmt(
      m((r) => r.api.perSecond),
      0,
    )}/s, p50 ${fmt(m((r) => r.api.p50))} ms, p99 ${fmt(m((r) => r.api.p99))} ms, max ${fmt(m((r) => r.api.max))} ms, errors ${m((r) => r.api.errors)}, rows ${m((r) => r.rows)}`,
  );
  console.log(
    `  ceiling: all ${TRAINEES} in ${fmt(
      m((r) => r.ceiling.wallMs),
      0,
    )} ms, ${fmt(
      m((r) => r.ceiling.perSecond),
      0,
    )}/s, p50 ${fmt(m((r) => r.ceiling.p50))} ms, p99 ${fmt(m((r) => r.ceiling.p99))} ms, max ${fmt(m((r) => r.ceiling.max))} ms`,
  );
  console.log(
    `  api throughput is ${fmt((m((r) => r.api.perSecond) / m((r) => r.ceiling.perSecond)) * 100)}% of the raw upsert rate`,
  );
  const ok = results.every((r) => r.api.errors === 0 && r.rows === TRAINEES);
  console.log(
    `  target: p99 <= 250 ms, no errors, exactly ${TRAINEES} rows, all within 5 s -> ${ok && m((r) => r.api.p99) <= 250 && m((r) => r.api.wallMs) <= 5000 ? 'met' : 'NOT met'}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
