import {
  createWorld,
  eventually,
  launchChromium,
  MailSink,
  repoRoot,
  SCREENSHOTS,
  startMailSink,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  World,
} from '@cascade/server/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, devices } from 'playwright-core';

const NEW_PASSWORD = 'Plum-Harbor-Lantern-42';

describe('console: a forgotten password on a phone', () => {
  let api: TestApi;
  let world: World;
  let mail: MailSink;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mail = await startMailSink();
    api = await startTestApi({
      SMTP_URL: mail.url,
      MAIL_FROM: 'Cascade <cascade@example.test>',
      CONSOLE_DIR: join(repoRoot(), 'dist/console'),
    });
    world = await createWorld(api);
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await mail?.stop();
  });

  it('asks for a link from the sign-in page, opens it and sets a new password', async () => {
    const { email } = world.traineeA;
    const context = await browser.newContext({ ...devices['iPhone 13'], locale: 'zh-CN' });
    const phone = await context.newPage();
    phone.setDefaultTimeout(15_000);

    await phone.goto(`${baseUrl}/login`);
    await phone.getByRole('link', { name: '忘记密码？' }).click();
    await phone.waitForURL(/\/forgot-password$/);
    await phone.locator('input[name="email"]').fill(email);
    await phone.getByRole('button', { name: '发送链接' }).click();
    await phone.getByTestId('forgot-sent').waitFor();

    const received = await eventually(
      async () => {
        await api.relay();
        return mail.to(email)[0];
      },
      20_000,
      'the reset email',
    );
    const link = /https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]+)/.exec(received.parsed.text ?? '');
    expect(link).not.toBeNull();
    // The email names the configured public address; the test's server listens elsewhere.
    expect(link![0].startsWith(api.config.publicUrl)).toBe(true);

    await phone.goto(`${baseUrl}/set-password?token=${link![1]}`);
    await phone.getByRole('heading', { name: '设置密码' }).waitFor();
    // A phone screen: nothing wider than the viewport.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.locator('input[name="newPassword"]').fill('password1234');
    await phone.locator('input[name="confirmation"]').fill('password1234');
    await phone.getByRole('button', { name: '保存密码' }).click();
    // The server's refusal, in Chinese, beside the field.
    await phone.getByText('密码太容易被猜到').waitFor();

    await phone.locator('input[name="newPassword"]').fill(NEW_PASSWORD);
    await phone.locator('input[name="confirmation"]').fill(NEW_PASSWORD);
    await phone.getByRole('button', { name: '保存密码' }).click();
    await phone.getByTestId('set-password-done').waitFor();
    await phone.screenshot({ path: join(SCREENSHOTS, 'phone-set-password.png') });

    await phone.getByRole('link', { name: '登录' }).click();
    await phone.locator('input[type="email"]').fill(email);
    await phone.locator('input[type="password"]').fill(NEW_PASSWORD);
    await phone.locator('button[type="submit"]').click();
    await phone.waitForURL((url) => !url.pathname.startsWith('/login'));

    const old = await api.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    await context.close();
  }, 90_000);
});
