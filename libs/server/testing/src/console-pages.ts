import { join } from 'node:path';
import { BrowserContext, devices, Page } from 'playwright-core';
import { ConsoleHarness, SCREENSHOTS } from './console-harness';
import { TEST_PASSWORD } from './test-api';

export type ConsoleLocale = 'en' | 'zh-CN';

export interface ConsolePages {
  /** A 1366×900 window in UTC with the console set to `locale`. */
  desktop(locale?: ConsoleLocale): Promise<{ context: BrowserContext; page: Page }>;
  /** An iPhone 13 in UTC with the console set to `locale`. */
  phone(locale?: ConsoleLocale): Promise<{ context: BrowserContext; page: Page }>;
  login(page: Page, email: string, password?: string): Promise<void>;
  /** Runs one step of a journey; a failing step leaves `failure-<prefix>-<name>.png` behind. */
  step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T>;
  shot(page: Page, name: string, fullPage?: boolean): Promise<Buffer>;
}

/** How the browser tests open the console: windows and phones, logging in, and screenshots. */
export function consolePages(harness: ConsoleHarness, prefix: string): ConsolePages {
  const prepare = async (context: BrowserContext, locale: ConsoleLocale) => {
    await context.addInitScript(
      (chosen) => window.localStorage.setItem('RaStore.locale', JSON.stringify(chosen)),
      locale,
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => console.error(`${prefix} page error:`, error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`${prefix} console error:`, message.text());
    });
    return { context, page };
  };
  return {
    async desktop(locale = 'en') {
      const context = await harness.browser.newContext({
        viewport: { width: 1366, height: 900 },
        locale,
        timezoneId: 'UTC',
      });
      return prepare(context, locale);
    },
    async phone(locale = 'zh-CN') {
      const context = await harness.browser.newContext({ ...devices['iPhone 13'], locale, timezoneId: 'UTC' });
      return prepare(context, locale);
    },
    async login(page, email, password = TEST_PASSWORD) {
      await page.goto(`${harness.baseUrl}/login`);
      await page.locator('input[type="email"]').fill(email);
      await page.locator('input[type="password"]').fill(password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async step(page, name, fn) {
      try {
        return await fn();
      } catch (error) {
        await page.screenshot({ path: join(SCREENSHOTS, `failure-${prefix}-${name}.png`), fullPage: true });
        throw error;
      }
    },
    shot(page, name, fullPage = false) {
      return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
    },
  };
}
