import { ConsoleHarness, SCREENSHOTS, startConsoleHarness, TEST_PASSWORD, World } from '@cascade/server/testing';
import { join } from 'node:path';
import { Page } from 'playwright-core';

const SHOTS = SCREENSHOTS;

jest.setTimeout(180_000);

describe('console in Chromium', () => {
  let harness: ConsoleHarness;
  let api: ConsoleHarness['api'];
  let world: World;
  let browser: ConsoleHarness['browser'];
  let baseUrl: string;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ api, world, browser, baseUrl } = harness);
  });
  afterAll(() => harness?.close());

  async function login(page: Page, email: string): Promise<void> {
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[type="email"]').fill(email);
    await page.locator('input[type="password"]').fill(TEST_PASSWORD);
    await page.locator('button[type="submit"]').click();
  }

  it('lets an admin log in, create a user, find it in the list and switch languages', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    try {
      await adminJourney(page);
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, 'failure-admin-journey.png') });
      throw error;
    } finally {
      await page.close();
    }
    const [row] = await api.dataSource.query(
      `SELECT name, roles FROM app_user WHERE email = 'browser.user@example.test'`,
    );
    expect(row).toEqual({ name: '浏览器测试用户', roles: ['trainee'] });
  });

  async function adminJourney(page: Page): Promise<void> {
    await login(page, world.admin.email);
    // zh-CN is the default language.
    await page.getByRole('menuitem', { name: '用户', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'dashboard-zh.png') });

    await page.goto(`${baseUrl}/users/create`);
    await page.getByRole('combobox', { name: '组织', exact: true }).click();
    await page.getByRole('option', { name: world.clientA.name }).click();
    await page.getByRole('textbox', { name: /^姓名/ }).fill('浏览器测试用户');
    await page.getByRole('textbox', { name: /^邮箱/ }).fill('browser.user@example.test');
    await page.getByRole('checkbox', { name: '学员' }).check();
    await page.screenshot({ path: join(SHOTS, 'user-create-zh.png') });
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/create'));

    await page.goto(`${baseUrl}/users`);
    await page.getByPlaceholder('搜索').fill('浏览器测试');
    await page.getByRole('cell', { name: 'browser.user@example.test' }).waitFor();
    // The search narrows the list to the new user alone.
    await page.getByRole('cell', { name: world.traineeA.email }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'users-list-zh.png') });

    await page
      .getByRole('button', { name: /语言|中文|简体中文/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Users', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'users-list-en.png') });
    // The Chinese data itself still renders in English mode.
    await page.getByText('浏览器测试用户').first().waitFor();

    await page
      .getByRole('button', { name: /language|English/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '用户', exact: true }).waitFor();
  }
});
