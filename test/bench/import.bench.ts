/**
 * `npm run bench:import`: an XLSX bomb against the real api (its own process) on real
 * PostgreSQL and Redis. A 1.4 MB workbook whose sheet is 467 MiB of XML (10 M rows) is posted
 * to the question import; it must be refused with 413/422 in under 2 s while the api's RSS
 * grows by under 100 MB and a /health probe every 50 ms answers in under 100 ms throughout.
 * Then a legitimate 5,000-row user sheet is imported and timed. In the same run it measures
 * the machine's ceiling: the same /health probe against the idle api.
 */
import 'reflect-metadata';
import {
  createTestDatabase,
  sessionTokens,
  startApiProcess,
  TEST_REDIS_URL,
  uniqueName,
} from '@cascade/server/testing';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { fmt, percentile } from './measure';
import { seedPeople } from './bench-setup';
import { xlsxBomb } from './xlsx-bomb';

const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const PROBE_EVERY_MS = 50;
const LEGIT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ProbeFigures {
  probes: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

/** The api's pid: the child of this process running the built api entry. */
function apiPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === process.pid && cmdline.includes('apps/api/src/main.js')) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error('api process not found');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Probes /health every 50 ms and samples the api's RSS until `stop` is called. */
function watch(baseUrl: string, pid: number) {
  const latencies: number[] = [];
  let failed = 0;
  let peakRss = rssMb(pid);
  const inFlight: Promise<void>[] = [];
  const probe = () => {
    const started = performance.now();
    inFlight.push(
      fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(10_000) })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status !== 200) failed += 1;
        })
        .catch(() => void (failed += 1))
        .finally(() => latencies.push(performance.now() - started)),
    );
    peakRss = Math.max(peakRss, rssMb(pid));
  };
  const timer = setInterval(probe, PROBE_EVERY_MS);
  probe();
  return async (): Promise<ProbeFigures & { peakRss: number }> => {
    clearInterval(timer);
    await Promise.all(inFlight);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      probes: sorted.length,
      failed,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      peakRss: Math.max(peakRss, rssMb(pid)),
    };
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function upload(baseUrl: string, path: string, token: string, organizationId: string, file: Buffer) {
  const form = new FormData();
  form.append('organizationId', organizationId);
  form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_TYPE }), 'import.xlsx');
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as { code?: string; created?: number; detail?: string };
  return { status: response.status, body, ms: performance.now() - started };
}

async function userSheet(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  sheet.addRow(['姓名', '邮箱', '角色', '关键用户', '态度', '语言']);
  for (let i = 1; i <= rows; i++)
    sheet.addRow([`学员 ${i}`, `import-${i}@example.test`, '学员', i % 10 === 0 ? '是' : '否', '支持', 'zh-CN']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const probeLine = (label: string, f: ProbeFigures) =>
  `${label.padEnd(38)} ${String(f.probes).padStart(4)} probes  p50 ${fmt(f.p50).padStart(6)}  p99 ${fmt(f.p99).padStart(6)}  max ${fmt(f.max).padStart(6)} ms  failed ${f.failed}`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const bomb = await xlsxBomb();
  const legit = await userSheet(LEGIT_ROWS);
  console.log(
    `Import bench: bomb ${fmt(bomb.length / 1024 / 1024, 2)} MB (10,000,000 rows, 467 MiB of XML); legitimate sheet ${fmt(legit.length / 1024, 0)} KB, ${LEGIT_ROWS} rows`,
  );
  const database = await createTestDatabase({ fromTemplate: false });
  const api = await startApiProcess({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('bench'),
    PROCESS_ROLE: 'api',
    SEED_DEMO: 'false',
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    DATA_DIR: `/tmp/${uniqueName('cascade-bench')}`,
  });
  try {
    const pid = apiPid();
    const { admin, clientOrg } = await seedPeople(database.url, 0);
    const [token] = await sessionTokens(database.url, SECRET, [admin], 900);
    await Promise.all(Array.from({ length: 10 }, () => fetch(`${api.baseUrl}/health`).then((r) => r.arrayBuffer())));

    const idle = watch(api.baseUrl, pid);
    await pause(3000);
    const ceiling = await idle();

    const rssBefore = rssMb(pid);
    const during = watch(api.baseUrl, pid);
    const refused = await upload(api.baseUrl, '/api/questions/import', token, clientOrg, bomb);
    // Keep probing a while: a reader still chewing in the background would show here.
    await pause(2000);
    const bombFigures = await during();
    const growth = bombFigures.peakRss - rssBefore;

    const importing = watch(api.baseUrl, pid);
    const imported = await upload(api.baseUrl, '/api/users/import', token, clientOrg, legit);
    const importFigures = await importing();

    console.log(`\nceiling (idle api)`);
    console.log(`  ${probeLine('/health every 50 ms, 3 s', ceiling)}`);
    console.log(`\nbomb → POST /api/questions/import`);
    console.log(`  answer ${refused.status} ${refused.body.code} in ${fmt(refused.ms, 0)} ms: ${refused.body.detail}`);
    console.log(
      `  api RSS ${fmt(rssBefore, 0)} MB before, peak ${fmt(bombFigures.peakRss, 0)} MB, growth ${fmt(growth, 0)} MB`,
    );
    console.log(`  ${probeLine('/health during and 2 s after', bombFigures)}`);
    console.log(`\nlegitimate sheet → POST /api/users/import`);
    console.log(
      `  answer ${imported.status}, created ${imported.body.created ?? 0} users in ${fmt(imported.ms, 0)} ms`,
    );
    console.log(
      `  ${probeLine('/health during the import', importFigures)}  (api RSS peak ${fmt(importFigures.peakRss, 0)} MB)`,
    );

    const refusedOk = refused.status === 413 || refused.status === 422;
    console.log(`\ntargets`);
    console.log(`  bomb refused with 413/422: ${refused.status} -> ${verdict(refusedOk)}`);
    console.log(`  refused in under 2 s: ${fmt(refused.ms, 0)} ms -> ${verdict(refusedOk && refused.ms < 2000)}`);
    console.log(`  RSS growth under 100 MB: ${fmt(growth, 0)} MB -> ${verdict(growth < 100)}`);
    console.log(
      `  /health under 100 ms throughout: max ${fmt(bombFigures.max)} ms, p99 ${fmt(bombFigures.p99)} ms, failed ${bombFigures.failed} -> ${verdict(bombFigures.max < 100 && bombFigures.failed === 0)}`,
    );
    console.log(
      `  ${LEGIT_ROWS}-row sheet imports: ${imported.status}, ${imported.body.created ?? 0} created -> ${verdict(imported.status === 201 && imported.body.created === LEGIT_ROWS)}`,
    );
  } finally {
    await api.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
