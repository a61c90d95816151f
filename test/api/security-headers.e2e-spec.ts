import { FILE_PROBLEMS } from '@cascade/contracts';
import {
  ApiProcess,
  binaryBody,
  createTestDatabase,
  createWorld,
  startApiProcess,
  startTestApi,
  TEST_REDIS_URL,
  TestApi,
  TestDatabase,
  uniqueName,
  World,
} from '@cascade/server/testing';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG_FILE, pdfFile, scriptedHtml, SVG_FILE, XLSX_TYPE, xlsxFile } from '../support/sample-files';

jest.setTimeout(180_000);

/** The policy as a map of directive → sources, so a test reads one directive at a time. */
function directives(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectBrowserHardening(headers: Record<string, string>): void {
  const csp = directives(headers['content-security-policy']);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['default-src']).toEqual(["'self'"]);
  // No inline scripts: nothing that would let one run.
  for (const sources of [csp['script-src'], csp['default-src']])
    expect(sources.filter((s) => /unsafe|nonce-|sha\d+-|data:|\*/.test(s))).toEqual([]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('security headers, uploads and API docs', () => {
  let api: TestApi;
  let world: World;
  let manager: string;
  let trainer: string;
  const consoleDir = mkdtempSync(join(tmpdir(), 'cascade-console-'));

  beforeAll(async () => {
    writeFileSync(
      join(consoleDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'assets/app.js'), 'document.title = "Cascade";');
    api = await startTestApi({ CONSOLE_DIR: consoleDir });
    world = await createWorld(api);
    [manager, trainer] = await Promise.all([api.login(world.managerA.email), api.login(world.trainerA.email)]);
  });
  afterAll(() => api?.close());

  const upload = (token: string, content: Buffer, name: string, contentType?: string) =>
    api
      .http()
      .post('/api/files')
      .set('authorization', token)
      .field('organizationId', world.clientA.id)
      .attach('file', content, contentType ? { filename: name, contentType } : name);

  describe('headers', () => {
    it('come with an API answer, with no HSTS over plain http', async () => {
      const response = await api.http().get('/health');
      expect(response.status).toBe(200);
      expectBrowserHardening(response.headers);
      expect(response.headers['strict-transport-security']).toBeUndefined();
      const problem = await api.http().get('/api/users');
      expect(problem.status).toBe(401);
      expectBrowserHardening(problem.headers);
    });

    it('come with the console’s index.html, its client-side routes and its assets', async () => {
      for (const path of ['/', '/sessions/123/show']) {
        const page = await api.http().get(path);
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toContain('text/html');
        expect(page.text).toContain('/assets/app.js');
        expectBrowserHardening(page.headers);
      }
      const asset = await api.http().get('/assets/app.js');
      expect(asset.status).toBe(200);
      expectBrowserHardening(asset.headers);
    });

    it('add HSTS when PUBLIC_URL is https', async () => {
      const secure = await startTestApi({ PUBLIC_URL: 'https://cascade.example.test' });
      try {
        const response = await secure.http().get('/health');
        expect(response.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains$/);
        expectBrowserHardening(response.headers);
      } finally {
        await secure.close();
      }
    });
  });

  describe('uploads', () => {
    it('refuses an HTML page named screenshot.png and sent as image/png', async () => {
      const response = await upload(manager, scriptedHtml(), 'screenshot.png', 'image/png');
      expect(response.status).toBe(FILE_PROBLEMS.FILE_TYPE_NOT_ALLOWED);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', status: 415 });
      expect(response.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('not an accepted') }]);
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM stored_file WHERE name = 'screenshot.png'`,
      );
      expect(count).toBe(0);
    });

    it.each([
      ['an SVG', SVG_FILE, 'diagram.svg', 'image/svg+xml'],
      ['an SVG without an XML declaration', Buffer.from('<svg onload="alert(1)"/>'), 'x.svg', 'image/svg+xml'],
      ['HTML sent as text', Buffer.from('\uFEFF\n  <html><script>alert(1)</script>'), 'notes.txt', 'text/plain'],
      ['an executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 7)]), 'tool.pdf', 'application/pdf'],
    ])('refuses %s', async (_what, content, name, claimed) => {
      const response = await upload(trainer, content, name, claimed);
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    });

    it('accepts PNG, PDF, XLSX and plain text under the type their content shows, and serves them as downloads', async () => {
      const samples: [string, Buffer, string, string][] = [
        ['截图.png', PNG_FILE, 'application/octet-stream', 'image/png'],
        ['plan.pdf', await pdfFile(), 'text/html', 'application/pdf'],
        ['名单.xlsx', await xlsxFile(), 'application/zip', XLSX_TYPE],
        ['收货单.txt', Buffer.from('收货单样张\n数量 120'), 'text/html', 'text/plain; charset=utf-8'],
      ];
      for (const [name, content, claimed, detected] of samples) {
        const stored = await upload(manager, content, name, claimed);
        expect(stored.status).toBe(201);
        expect(stored.body).toMatchObject({ name, contentType: detected, size: content.length });
        const download = await api
          .http()
          .get(`/api/files/${stored.body.id}`)
          .set('authorization', manager)
          .buffer(true)
          .parse(binaryBody);
        expect(download.status).toBe(200);
        expect(download.headers['content-type']).toBe(detected);
        expect(download.headers['content-disposition']).toMatch(/^attachment; filename=/);
        expect(download.headers['x-content-type-options']).toBe('nosniff');
        expect(directives(download.headers['content-security-policy'])).toMatchObject({
          'default-src': ["'none'"],
          sandbox: [],
        });
        expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
      }
    });

    it('serves a file stored with a claimed HTML type as opaque bytes', async () => {
      const stored = await upload(manager, Buffer.from('plain words'), 'old.txt');
      await api.dataSource.query(`UPDATE stored_file SET content_type = 'text/html' WHERE id = $1`, [stored.body.id]);
      const download = await api.http().get(`/api/files/${stored.body.id}`).set('authorization', manager);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    });
  });

  describe('API docs', () => {
    it('are served outside production (tests included)', async () => {
      const json = await api.http().get('/api/docs-json');
      expect(json.status).toBe(200);
      expect(json.body.openapi).toMatch(/^3\./);
      const ui = await api.http().get('/api/docs');
      expect(ui.status).toBe(200);
      expect(ui.text).toContain('swagger-ui');
    });

    describe('with NODE_ENV=production (the built api)', () => {
      let database: TestDatabase;
      let running: ApiProcess | undefined;
      const env = () => ({
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: uniqueName('docs'),
        PROCESS_ROLE: 'api',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        JWT_SECRET: 'production-secret-production-secret-1',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'cascade-docs-')),
        PUBLIC_URL: 'https://cascade.example.test',
        CONSOLE_DIR: consoleDir,
      });

      beforeAll(async () => {
        database = await createTestDatabase();
      });
      afterEach(async () => {
        await running?.stop();
        running = undefined;
      });
      afterAll(() => database?.drop());

      it('are off, while the rest answers with its headers and HSTS', async () => {
        running = await startApiProcess(env());
        for (const path of ['/api/docs', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
          const response = await fetch(`${running.baseUrl}${path}`);
          expect(response.status).toBe(404);
        }
        const health = await fetch(`${running.baseUrl}/health`);
        expect(health.status).toBe(200);
        const headers = Object.fromEntries(health.headers.entries());
        expectBrowserHardening(headers);
        expect(headers['strict-transport-security']).toContain('max-age=31536000');
      });

      it('are on with API_DOCS=true', async () => {
        running = await startApiProcess({ ...env(), API_DOCS: 'true' });
        const json = await fetch(`${running.baseUrl}/api/docs-json`);
        expect(json.status).toBe(200);
        expect(((await json.json()) as { info: { title: string } }).info.title).toBe('Cascade API');
        expect((await fetch(`${running.baseUrl}/api/docs`)).status).toBe(200);
      });
    });
  });
});
