import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { repoRoot } from './api-process';
import { startTestApi, TestApi } from './test-api';
import { createWorld, World } from './world';

export const SCREENSHOTS = join(repoRoot(), 'test-output/screenshots');

export interface ConsoleHarness {
  api: TestApi;
  world: World;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real api serving the built console on a free port, a world of users, and Chromium. */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const api = await startTestApi({ CONSOLE_DIR: join(repoRoot(), 'dist/console') });
  const world = await createWorld(api);
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
  const browser = await launchChromium();
  return {
    api,
    world,
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await api.close();
    },
  };
}
