import type * as Core from '@cascade/server/core';
import {
  createTestDatabase,
  createWorld,
  repoRoot,
  sessionTokens,
  startApiProcess,
  startTestApi,
  TEST_REDIS_URL,
  TestApi,
  uniqueName,
  World,
} from '@cascade/server/testing';
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { xlsxBomb } from '../bench/xlsx-bomb';

async function userSheet(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  sheet.addRow(['姓名', '邮箱', '角色']);
  for (let i = 1; i <= rows; i++) sheet.addRow([`学员 ${i}`, `limit-${i}@example.test`, '学员']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('import limits', () => {
  let api: TestApi;
  let world: World;
  let admin: string;
  let bomb: Buffer;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    admin = await api.login(world.admin.email);
    bomb = await xlsxBomb();
  });
  afterAll(() => api?.close());

  const upload = (path: string, file: Buffer, filename: string) =>
    api
      .http()
      .post(path)
      .set('authorization', admin)
      .field('organizationId', world.clientA.id)
      .attach('file', file, filename);
  const count = async (table: string) => Number((await api.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  it.each(['/api/users/import', '/api/questions/import'])(
    'refuses the 1.4 MB, 10-million-row XLSX at %s with 413 naming the file',
    async (path) => {
      const [users, questions] = [await count('app_user'), await count('question')];
      const response = await upload(path, bomb, 'bomb.xlsx');
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        code: 'IMPORT_FILE_TOO_LARGE',
        errors: [{ field: 'file', message: 'the workbook unpacks to more than 50 MB' }],
      });
      expect([await count('app_user'), await count('question')]).toEqual([users, questions]);
    },
  );

  it('refuses a user sheet one row over the limit, importing none of it', async () => {
    const before = await count('app_user');
    const response = await upload('/api/users/import', await userSheet(5001), 'users.xlsx');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      limit: { rows: 5000 },
      errors: [{ field: 'file', message: 'at most 5000 rows per file' }],
    });
    expect(await count('app_user')).toBe(before);
  });

  it('refuses a question CSV one row over the limit', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => `single_choice,Purchasing,2,2,Question ${i},Yes|No,A`);
    const csv = Buffer.from(['type,businessProcess,difficulty,points,stem,options,answer', ...rows].join('\n'));
    const response = await upload('/api/questions/import', csv, 'bank.csv');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', limit: { rows: 2000 } });
  });
});

/** What runs in production: the compiled server (npm run build:server first). */
describe('import reading in the built server', () => {
  const built = (file: string) => join(repoRoot(), 'dist/server', file);

  it('has the worker file beside the compiled reader', () => {
    expect(existsSync(built('libs/server/core/src/spreadsheet.worker.js'))).toBe(true);
  });

  it('reads through the worker pool, refusing a bomb before it gets there', async () => {
    const compiledPath = built(['libs', 'server', 'core', 'src', 'spreadsheet.js'].join('/'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled module, not the source Jest maps
    const compiled = require(compiledPath) as typeof Core;
    try {
      expect(compiled.spreadsheetReadingMode()).toBe('worker');
      const sheet = await compiled.readSpreadsheet(await userSheet(3), 'xlsx', { maxRows: 5000 });
      expect(sheet.rows.map((r) => r.cells[1])).toEqual([
        'limit-1@example.test',
        'limit-2@example.test',
        'limit-3@example.test',
      ]);
      await expect(compiled.readSpreadsheet(await xlsxBomb(), 'xlsx', { maxRows: 5000 })).rejects.toMatchObject({
        code: 'IMPORT_FILE_TOO_LARGE',
        status: 413,
      });
      // The bomb was refused from its directory before reaching the pool: one reading only.
      expect(compiled.spreadsheetPoolStats()).toMatchObject({ mode: 'worker', completed: 1 });
      expect(compiled.spreadsheetPoolStats().threads).toBeGreaterThanOrEqual(1);
    } finally {
      await compiled.closeSpreadsheetPool();
    }
  });

  it('starts a worker thread in the api process when an import is read', async () => {
    const secret = 'import-limits-secret-import-limits-secret';
    const database = await createTestDatabase();
    const server = await startApiProcess({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueName('import'),
      PROCESS_ROLE: 'api',
      SEED_DEMO: 'false',
      JWT_SECRET: secret,
      LOG_LEVEL: 'silent',
      DATA_DIR: `/tmp/${uniqueName('cascade-import')}`,
    });
    try {
      const pid = childRunning('apps/api/src/main.js');
      const { admin, organization } = await seedAdmin(database.url);
      const [token] = await sessionTokens(database.url, secret, [admin], 900);
      const threads = () => readdirSync(`/proc/${pid}/task`).length;
      const before = threads();
      const form = new FormData();
      form.append('organizationId', organization);
      form.append('file', new Blob([new Uint8Array(await userSheet(2))]), 'users.xlsx');
      const response = await fetch(`${server.baseUrl}/api/users/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(response.status).toBe(201);
      // The pool keeps its thread for a while after a reading.
      expect(threads()).toBeGreaterThan(before);
    } finally {
      await server.stop();
      await database.drop();
    }
  });
});

function childRunning(entry: string): number {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(entry)) return Number(pid);
    } catch {
      // gone while we looked
    }
  }
  throw new Error(`no child process runs ${entry}`);
}

async function seedAdmin(url: string): Promise<{ admin: string; organization: string }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const [{ id: organization }] = (
      await db.query(`INSERT INTO organization (name, kind) VALUES ('Import vendor', 'vendor') RETURNING id`)
    ).rows;
    const [{ id: admin }] = (
      await db.query(
        `INSERT INTO app_user (organization_id, email, name, roles) VALUES ($1, 'import-admin@example.test', 'Import admin', '{admin}') RETURNING id`,
        [organization],
      )
    ).rows;
    return { admin, organization };
  } finally {
    await db.end();
  }
}
