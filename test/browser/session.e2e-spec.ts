import { ConsoleHarness, ConsolePages, consolePages, startConsoleHarness, World } from '@cascade/server/testing';
import { Page } from 'playwright-core';

jest.setTimeout(180_000);

/** Every value the page keeps in localStorage and sessionStorage. */
const storedValues = (page: Page) =>
  page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`),
    ),
  );

/** What a token looks like: a JSON Web Token, or a refresh token (id and secret). */
const TOKEN_SHAPES = [/eyJ[\w-]+\.[\w-]+\.[\w-]+/, /[0-9a-f-]{36}\.[\w-]{20,}/];

/**
 * The session survives a script in the console's origin: no token is in storage a script
 * can read, the refresh token is an httpOnly cookie, and a reload signs in again through it.
 */
describe('console session in Chromium', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let world: World;
  let baseUrl: string;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'session');
    ({ world, baseUrl } = harness);
  });
  afterAll(() => harness?.close());

  it('keeps no token in storage, stays signed in across a reload, and logs out for good', async () => {
    const { context, page } = await pages.desktop('en');
    try {
      const signedIn = () => page.getByRole('menuitem', { name: 'Users', exact: true }).waitFor();

      const loginAnswer = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
      await pages.step(page, 'login', () => pages.login(page, world.admin.email));
      const accessToken = ((await (await loginAnswer).json()) as { accessToken: string }).accessToken;
      expect(accessToken).toMatch(TOKEN_SHAPES[0]);
      await signedIn();

      const cookie = (await context.cookies()).find((one) => one.name === 'cascade_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
      const assertNothingSecretStored = async () => {
        const values = await storedValues(page);
        expect(values.length).toBeGreaterThan(0);
        for (const value of values) {
          expect(value).not.toContain(accessToken);
          expect(value).not.toContain(cookie!.value.split('.')[1]);
          for (const shape of TOKEN_SHAPES) expect(value).not.toMatch(shape);
        }
        expect(await page.evaluate(() => document.cookie)).not.toContain('cascade_refresh');
      };
      await assertNothingSecretStored();

      // A reload forgets the access token; the console gets a new one through the cookie.
      const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
      await page.reload();
      expect((await refreshed).status()).toBe(200);
      await signedIn();
      expect(new URL(page.url()).pathname).not.toMatch(/^\/login/);
      await assertNothingSecretStored();
      const currentToken = (await context.cookies()).find((one) => one.name === 'cascade_refresh');
      expect(currentToken?.value).not.toBe(cookie!.value);

      await pages.step(page, 'logout', async () => {
        await page.getByRole('button', { name: 'Profile' }).click();
        await page.getByRole('menuitem', { name: 'Logout' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/login'));
      });
      // The server ended the session: the access token from before is refused at once.
      const me = await harness.api.http().get('/api/auth/me').set('authorization', `Bearer ${accessToken}`);
      expect(me.status).toBe(401);
      expect((await context.cookies()).some((one) => one.name === 'cascade_refresh')).toBe(false);

      await page.reload();
      await page.locator('input[type="email"]').waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/login/);
      await page.goto(`${baseUrl}/users`);
      await page.waitForURL((url) => url.pathname.startsWith('/login'));
    } finally {
      await context.close();
    }
  });
});
