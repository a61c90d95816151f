import {
  ConsoleHarness,
  ConsolePages,
  consolePages,
  createPlan,
  eventually,
  startConsoleHarness,
  World,
} from '@cascade/server/testing';
import { BrowserContext, Page } from 'playwright-core';
import { scriptedHtml } from '../support/sample-files';

jest.setTimeout(240_000);

interface Violation {
  directive: string;
  blocked: string;
  url: string;
}

const BEACON = '/api/xss-beacon';

/**
 * The console runs under its Content-Security-Policy for an admin, a trainer and a trainee
 * without a single violation, and an uploaded page with a script never runs in its origin:
 * it is refused, and one stored before the check only ever downloads.
 */
describe('the console under its Content-Security-Policy', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let world: World;
  let baseUrl: string;
  const violations: Violation[] = [];
  const beacons: string[] = [];

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'csp');
    ({ world, baseUrl } = harness);
  });
  afterAll(() => harness?.close());

  /** Reports every violation the browser raises, in any page of the context, through a binding CSP cannot block. */
  async function watch(context: BrowserContext, page: Page): Promise<void> {
    await context.exposeBinding('reportCspViolation', (_source, violation: Violation) => {
      violations.push(violation);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation(v: object): void }).reportCspViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          url: document.location.href,
        });
      });
    });
    context.on('request', (request) => {
      if (request.url().includes(BEACON)) beacons.push(request.url());
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy'))
        violations.push({ directive: 'console', blocked: message.text(), url: page.url() });
    });
  }

  async function walk(page: Page, paths: string[]): Promise<void> {
    for (const path of paths) {
      await pages.step(page, `walk${path.replace(/\//g, '-')}`, async () => {
        await page.goto(`${baseUrl}${path}`);
        await page.locator('#root *').first().waitFor();
        // Pages that poll never go quiet; what matters is that they rendered and fetched.
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
        expect(page.url()).not.toContain('/login');
      });
    }
  }

  it('notices a violation when one happens, so silence below means something', async () => {
    const { context, page } = await pages.desktop('en');
    try {
      await watch(context, page);
      await page.goto(`${baseUrl}/login`);
      await page.locator('input[type="email"]').waitFor();
      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.name = "inline-ran"';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return window.name;
      });
      expect(ran).not.toBe('inline-ran');
      const seen = await eventually(async () => violations.find((v) => v.directive === 'script-src-elem'));
      expect(seen.url).toBe(`${baseUrl}/login`);
      expect(violations.some((v) => v.directive === 'console' && v.blocked.includes("script-src 'self'"))).toBe(true);
    } finally {
      await context.close();
      violations.length = 0;
    }
  });

  it('lets an admin, a trainer and a manager work through the console with no violation', async () => {
    for (const [user, paths] of [
      [
        world.admin,
        [
          '/',
          '/organizations',
          '/users',
          '/users/create',
          '/training-plans',
          '/sessions',
          '/questions',
          '/scenarios',
          '/scenarios/create',
          '/exams',
          '/feedback-forms',
          '/qualification-tracks',
          '/webhooks',
          '/audit-entries',
          '/inbox',
          '/profile',
        ],
      ],
      [world.trainerA, ['/', '/training-plans', '/sessions', '/questions', '/exams', '/grading', '/inbox']],
      [world.managerA, ['/', '/training-plans', '/sessions', '/users', '/exams', '/cascade', '/profile']],
    ] as const) {
      const { context, page } = await pages.desktop('en');
      try {
        await watch(context, page);
        await pages.login(page, user.email);
        await walk(page, [...paths]);
      } finally {
        await context.close();
      }
    }
    expect(violations).toEqual([]);
  });

  it('lets a trainee work through the phone pages with no violation', async () => {
    const { context, page } = await pages.phone('zh-CN');
    try {
      await watch(context, page);
      await pages.login(page, world.traineeA.email);
      await walk(page, ['/my-sessions', '/my-exams', '/my-feedback', '/inbox', '/profile']);
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  it('shows the API docs under the same policy', async () => {
    const { context, page } = await pages.desktop('en');
    try {
      await watch(context, page);
      await page.goto(`${baseUrl}/api/docs`);
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Cascade API' }).waitFor();
      await page.locator('.opblock').first().waitFor();
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  it('opens the server’s own plan PDF in a tab, under the same policy', async () => {
    const { api } = harness;
    const plan = await createPlan(api, world, await api.login(world.trainerA.email));
    const { context, page } = await pages.desktop('en');
    try {
      await watch(context, page);
      await pages.login(page, world.trainerA.email);
      const tab = await pages.step(page, 'plan-pdf', async () => {
        await page.goto(`${baseUrl}/training-plans/${plan.id}/show`);
        const opened = context.waitForEvent('page');
        await page.getByRole('button', { name: 'Printable plan (PDF)' }).click();
        return opened;
      });
      await eventually(async () => tab.url().startsWith('blob:'), 10_000, 'the PDF tab');
      await tab.waitForLoadState();
      expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  it('refuses an HTML page with a script through POST /api/files and through a scenario’s attachments', async () => {
    const { api } = harness;
    const manager = await api.login(world.managerA.email);
    const direct = await api
      .http()
      .post('/api/files')
      .set('authorization', manager)
      .field('organizationId', world.clientA.id)
      .attach('file', scriptedHtml(BEACON), { filename: 'screenshot.png', contentType: 'image/png' });
    expect(direct.status).toBe(415);

    const { context, page } = await pages.desktop('en');
    try {
      await watch(context, page);
      await pages.login(page, world.trainerA.email);
      await pages.step(page, 'attach-html', async () => {
        await page.goto(`${baseUrl}/scenarios/create`);
        await page.getByRole('combobox', { name: /Organization/ }).click();
        await page.getByRole('option', { name: world.clientA.name }).click();
        await page.locator('input[type="file"]').setInputFiles({
          name: 'screenshot.html',
          mimeType: 'text/html',
          buffer: scriptedHtml(BEACON),
        });
        await page
          .getByRole('alert')
          .filter({ hasText: /not an accepted kind of file/ })
          .waitFor();
        expect(await page.getByRole('button', { name: 'Attachment 1' }).count()).toBe(0);
      });
    } finally {
      await context.close();
    }
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM stored_file WHERE name IN ('screenshot.png', 'screenshot.html')`,
    );
    expect(count).toBe(0);
    expect(beacons).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('only downloads an HTML attachment stored before types were checked, and its script never runs', async () => {
    const { api } = harness;
    const trainer = await api.login(world.trainerA.email);
    const stored = await api
      .http()
      .post('/api/files')
      .set('authorization', trainer)
      .field('organizationId', world.clientA.id)
      .attach('file', Buffer.from('placeholder'), 'screenshot.html');
    expect(stored.status).toBe(201);
    // What an installation holds from before: the page itself, under the type its uploader claimed.
    await api.dataSource.query(`UPDATE stored_file SET content = $2, content_type = 'text/html' WHERE id = $1`, [
      stored.body.id,
      scriptedHtml(BEACON),
    ]);
    const scenario = await api
      .http()
      .post('/api/scenarios')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '收货截图',
        narrative: '仓库收货时的截图。',
        attachments: [stored.body.id],
      });
    expect(scenario.status).toBe(201);

    const { context, page } = await pages.desktop('en');
    try {
      await watch(context, page);
      await pages.login(page, world.admin.email);
      const download = await pages.step(page, 'open-attachment', async () => {
        await page.goto(`${baseUrl}/scenarios/${scenario.body.id}/show`);
        const saved = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Attachment 1' }).click();
        return saved;
      });
      expect(download.suggestedFilename()).toBe('screenshot.html');
      // Give a script every chance to have run had the file been opened as a page.
      await page.waitForTimeout(1_000);
      expect(context.pages()).toHaveLength(1);
      expect(page.url()).toBe(`${baseUrl}/scenarios/${scenario.body.id}/show`);
      expect(await page.evaluate(() => window.name)).not.toBe('xss-ran');
    } finally {
      await context.close();
    }
    expect(beacons).toEqual([]);
    expect(violations).toEqual([]);
  });
});
