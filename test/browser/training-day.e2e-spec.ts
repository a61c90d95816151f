import {
  ConsoleHarness,
  SCREENSHOTS,
  startConsoleHarness,
  TEST_PASSWORD,
  World,
  ConsolePages,
  consolePages,
} from '@cascade/server/testing';
import { join } from 'node:path';
import { devices } from 'playwright-core';

const SHOTS = SCREENSHOTS;

jest.setTimeout(240_000);

/**
 * A training day in the console: a trainer writes a plan, the client's manager confirms it,
 * the trainer schedules a session and opens check-in, and a trainee signs in on a phone by
 * opening the QR code's URL.
 */
describe('training day in Chromium', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let api: ConsoleHarness['api'];
  let world: World;
  let browser: ConsoleHarness['browser'];
  let baseUrl: string;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'training-day');
    ({ api, world, browser, baseUrl } = harness);
  });
  afterAll(() => harness?.close());

  it('runs from plan to a trainee checked in on a phone', async () => {
    // 1. The trainer writes the plan.
    const trainer = await pages.desktop();
    await pages.login(trainer.page, world.trainerA.email);
    const planId = await pages.step(trainer.page, 'create-plan', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/training-plans/create`);
      await page.getByRole('combobox', { name: /^Client/ }).click();
      await page.getByRole('option', { name: world.clientA.name }).click();
      await page
        .getByRole('textbox', { name: /^Title/ })
        .first()
        .fill('仓储收货关键用户培训');
      await page.getByRole('textbox', { name: /^Goals/ }).fill('关键用户能独立完成收货与质检。');
      await page.getByRole('textbox', { name: /^Assessment/ }).fill('业务场景笔试');
      await page.getByRole('button', { name: /add/i }).first().click();
      await page.getByRole('textbox', { name: /^Business process/ }).fill('仓储 / 收货');
      await page
        .getByRole('textbox', { name: /^Module title|^Title/ })
        .last()
        .fill('到货与质检');
      await page.getByRole('spinbutton', { name: /Duration/ }).fill('90');
      await page.screenshot({ path: join(SHOTS, 'plan-create.png'), fullPage: true });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/training-plans\/[0-9a-f-]{36}/);
      return /\/training-plans\/([0-9a-f-]{36})/.exec(page.url())![1];
    });
    await pages.step(trainer.page, 'submit-plan', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/training-plans/${planId}/show`);
      await page.getByRole('button', { name: 'Submit for confirmation' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Submit|Confirm/ })
        .last()
        .click();
      await page.getByText('Awaiting confirmation').first().waitFor();
    });

    // 2. The client's manager confirms it.
    const manager = await pages.desktop();
    await pages.login(manager.page, world.managerA.email);
    await pages.step(manager.page, 'confirm-plan', async () => {
      const page = manager.page;
      await page.goto(`${baseUrl}/training-plans/${planId}/show`);
      await page.getByRole('button', { name: 'Confirm plan' }).click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /Confirm/ })
        .last()
        .click();
      await page.getByText('Confirmed').first().waitFor();
      await page.screenshot({ path: join(SHOTS, 'plan-confirmed.png'), fullPage: true });
    });
    await manager.context.close();
    const plan = (
      await api
        .http()
        .get(`/api/training-plans/${planId}`)
        .set('authorization', await api.login(world.managerA.email))
    ).body;
    expect(plan).toMatchObject({ status: 'confirmed', confirmedBy: world.managerA.id });

    // 3. The trainer schedules a session that starts in a few minutes.
    const sessionId = await pages.step(trainer.page, 'schedule-session', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/sessions/create`);
      await page.getByRole('combobox', { name: /^Training plan/ }).click();
      await page.getByRole('option', { name: /仓储收货关键用户培训/ }).click();
      await page.getByRole('combobox', { name: /^Module/ }).click();
      await page.getByRole('option', { name: /到货与质检/ }).click();
      const start = new Date(Date.now() + 5 * 60_000);
      const end = new Date(start.getTime() + 90 * 60_000);
      // The form's time zone defaults to the browser's, which is UTC here.
      const local = (d: Date) => d.toISOString().slice(0, 16);
      await page.getByLabel(/^Starts/).fill(local(start));
      await page.getByLabel(/^Ends/).fill(local(end));
      await page.getByRole('spinbutton', { name: /Capacity/ }).fill('20');
      await page.screenshot({ path: join(SHOTS, 'session-create.png'), fullPage: true });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/sessions\/[0-9a-f-]{36}/);
      return /\/sessions\/([0-9a-f-]{36})/.exec(page.url())![1];
    });
    const trainerToken = await api.login(world.trainerA.email);
    const enrolled = await api
      .http()
      .post(`/api/sessions/${sessionId}/enrollments`)
      .set('authorization', trainerToken)
      .send({ userIds: [world.traineeA.id] });
    expect(enrolled.status).toBe(200);

    // 4. The trainer opens check-in; the room sees the QR code and the 6-digit code.
    const code = await pages.step(trainer.page, 'check-in-screen', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/sessions/${sessionId}/check-in`);
      await page.getByTestId('checkin-qr').waitFor();
      const shown = (await page.getByTestId('checkin-code').innerText()).replace(/\D/g, '');
      expect(shown).toMatch(/^\d{6}$/);
      await page.screenshot({ path: join(SHOTS, 'check-in-screen.png') });
      return shown;
    });

    // 5. A trainee scans it with a phone: not logged in yet, signs in, and is checked in without rescanning.
    const phoneContext = await browser.newContext({ ...devices['iPhone 13'], locale: 'zh-CN' });
    const phone = await phoneContext.newPage();
    phone.setDefaultTimeout(15_000);
    await pages.step(phone, 'phone-check-in', async () => {
      await phone.goto(`${baseUrl}/checkin/${sessionId}?code=${code}`);
      await phone.locator('input[type="email"]').fill(world.traineeA.email);
      await phone.locator('input[type="password"]').fill(TEST_PASSWORD);
      await phone.screenshot({ path: join(SHOTS, 'phone-login.png') });
      await phone.locator('button[type="submit"]').click();
      const result = phone.getByTestId('checkin-result');
      await result.waitFor();
      await phone.waitForFunction(
        () => document.querySelector('[data-testid="checkin-result"]')?.getAttribute('data-status') === 'present',
      );
      await phone.getByText('签到成功').waitFor();
      await phone.screenshot({ path: join(SHOTS, 'phone-checked-in.png') });
    });
    await phoneContext.close();
    const [row] = await api.dataSource.query(
      'SELECT status, method FROM attendance WHERE session_id = $1 AND user_id = $2',
      [sessionId, world.traineeA.id],
    );
    expect(row).toEqual({ status: 'present', method: 'qr' });

    // 6. The room's screen counts the trainee in.
    await pages.step(trainer.page, 'live-count', async () => {
      await trainer.page
        .getByTestId('checkin-count')
        .filter({ hasText: /1\s*\/\s*1/ })
        .waitFor({ timeout: 20_000 });
      await trainer.page.screenshot({ path: join(SHOTS, 'check-in-screen-counted.png') });
    });
    await trainer.context.close();
  });
});
