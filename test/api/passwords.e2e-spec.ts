import {
  createWorld,
  eventually,
  MailSink,
  ReceivedMail,
  startMailSink,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  World,
} from '@cascade/server/testing';
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';

const PUBLIC_URL = 'https://cascade.example.test';
/** The header refresh requires besides its cookie. */
const CLIENT = { 'x-cascade-client': 'test' };
const STRONG = 'Plum-Harbor-Lantern-42';
const STRONGER = 'Quiet-Orchid-Meadow-73';

/** A signed-in session: its access token, and a way to refresh it as the console would. */
interface Session {
  authorization: string;
  refresh(): Promise<Response>;
}

describe('passwords: change, strength, reset, forgotten, invitation', () => {
  let api: TestApi;
  let world: World;
  let mail: MailSink;
  let admin: string;

  const signIn = async (email: string, password = TEST_PASSWORD): Promise<Session> => {
    const response = await api.http().post('/api/auth/login').send({ email, password });
    expect(response.status).toBe(200);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((line) => line.startsWith('cascade_refresh='))
      ?.split(';')[0];
    const refreshToken: string | undefined = response.body.refreshToken;
    return {
      authorization: `Bearer ${response.body.accessToken}`,
      // The refresh token travels in a cookie, or (older clients) in the body.
      refresh: () => {
        const request = api.http().post('/api/auth/refresh').set(CLIENT);
        return cookie ? request.set('cookie', cookie).send() : request.send({ refreshToken });
      },
    };
  };
  const login = (email: string, password: string) => api.http().post('/api/auth/login').send({ email, password });

  /** The `count`-th mail to `address` (1-based), once it has arrived. */
  const nthMail = (address: string, count: number) =>
    eventually(
      async () => {
        await api.relay();
        return mail.to(address)[count - 1];
      },
      20_000,
      `mail ${count} to ${address}`,
    );
  const tokenIn = (received: ReceivedMail) => {
    const found = /\/set-password\?token=([A-Za-z0-9_-]+)/.exec(received.parsed.text ?? '');
    if (!found) throw new Error(`no set-password link in: ${received.parsed.text}`);
    expect(received.parsed.text).toContain(`${PUBLIC_URL}/set-password?token=${found[1]}`);
    return found[1];
  };
  const resetPassword = (token: string, newPassword: string, language = 'zh-CN') =>
    api.http().post('/api/auth/reset-password').set('accept-language', language).send({ token, newPassword });
  const requestReset = (userId: string) =>
    api.http().post(`/api/users/${userId}/password-reset`).set('authorization', admin).send();

  beforeAll(async () => {
    mail = await startMailSink();
    api = await startTestApi({ SMTP_URL: mail.url, MAIL_FROM: 'Cascade <cascade@example.test>', PUBLIC_URL });
    world = await createWorld(api);
    // trainee A reads Chinese (the default), trainee A2 and manager B English.
    await api.dataSource.query(`UPDATE app_user SET locale = 'en' WHERE id = ANY($1::uuid[])`, [
      [world.traineeA2.id, world.managerB.id],
    ]);
    admin = await api.login(world.admin.email);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await mail?.stop();
  });

  describe('changing one’s own password', () => {
    it('refuses a wrong current password, naming the field', async () => {
      const me = await signIn(world.trainerA.email);
      const response = await api
        .http()
        .post('/api/auth/password')
        .set('authorization', me.authorization)
        .send({ currentPassword: 'not-my-password-at-all', newPassword: STRONG });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'PASSWORD_CURRENT_WRONG', errors: [{ field: 'currentPassword' }] });
      expect((await login(world.trainerA.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('refuses a weak new password, naming the field, in the user’s language', async () => {
      const chinese = await signIn(world.traineeA.email);
      const english = await signIn(world.traineeA2.email);
      const change = (session: Session, newPassword: string) =>
        api
          .http()
          .post('/api/auth/password')
          .set('authorization', session.authorization)
          .send({ currentPassword: TEST_PASSWORD, newPassword });

      const short = await change(chinese, 'Xq7!vR2#p');
      expect(short.status).toBe(422);
      expect(short.headers['content-type']).toContain('application/problem+json');
      expect(short.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT', errors: [{ field: 'newPassword' }] });
      expect(short.body.errors[0].message).toBe('密码至少需要 10 个字符');

      const guessable = await change(english, 'password1234');
      expect(guessable.status).toBe(422);
      expect(guessable.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'newPassword' }] });
      expect(guessable.body.errors[0].message).toMatch(/too easy to guess/);
      const guessableZh = await change(chinese, 'password1234');
      expect(guessableZh.body.errors[0].message).toMatch(/太容易被猜到/);

      // Nothing changed: the old password still works.
      expect((await login(world.traineeA2.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('changes it: the old one is refused, this session stays, every other session ends', async () => {
      const email = world.managerA.email;
      const here = await signIn(email);
      const elsewhere = await signIn(email);
      const changed = await api
        .http()
        .post('/api/auth/password')
        .set('authorization', here.authorization)
        .send({ currentPassword: TEST_PASSWORD, newPassword: STRONG });
      expect(changed.status).toBe(204);

      expect((await login(email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(email, STRONG)).status).toBe(200);
      expect((await elsewhere.refresh()).status).toBe(401);
      expect((await api.http().get('/api/auth/me').set('authorization', elsewhere.authorization)).status).toBe(401);
      expect((await api.http().get('/api/auth/me').set('authorization', here.authorization)).status).toBe(200);
      expect((await here.refresh()).status).toBe(200);
      // The log tells who set it, and holds nothing of the password.
      const audit: { actor_id: string; after: unknown }[] = await api.dataSource.query(
        `SELECT actor_id, after FROM audit_entry WHERE action = 'changePassword' AND entity_id = $1`,
        [world.managerA.id],
      );
      expect(audit).toEqual([{ actor_id: world.managerA.id, after: null }]);
    });
  });

  describe('an admin’s reset', () => {
    it('emails a one-hour link that sets the password once, ending every session', async () => {
      const { email, id } = world.traineeB;
      const before = await signIn(email);
      expect((await requestReset(id)).status).toBe(202);
      const received = await nthMail(email, 1);
      expect(received.parsed.subject).toBe('重置您的 Cascade 密码');
      const token = tokenIn(received);
      // Only its hash is stored, valid for an hour.
      const [row]: { token_hash: string; purpose: string; valid_for: number }[] = await api.dataSource.query(
        `SELECT token_hash, purpose, extract(epoch FROM expires_at - created_at)::int AS valid_for
           FROM password_token WHERE user_id = $1`,
        [id],
      );
      expect(row).toMatchObject({ purpose: 'reset', token_hash: createHash('sha256').update(token).digest('hex') });
      expect(Math.abs(row.valid_for - 3600)).toBeLessThanOrEqual(5);
      // Until the link is used, the current password still works.
      expect((await login(email, TEST_PASSWORD)).status).toBe(200);

      const weak = await resetPassword(token, 'qwertyuiop');
      expect(weak.status).toBe(422);
      expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'newPassword' }] });

      expect((await resetPassword(token, STRONG)).status).toBe(204);
      expect((await login(email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(email, STRONG)).status).toBe(200);
      expect((await before.refresh()).status).toBe(401);

      const again = await resetPassword(token, STRONGER, 'en');
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ code: 'PASSWORD_TOKEN_INVALID', errors: [{ field: 'token' }] });
      expect((await login(email, STRONG)).status).toBe(200);
    });

    it('refuses an expired link', async () => {
      const { email, id } = world.managerB;
      expect((await requestReset(id)).status).toBe(202);
      const received = await nthMail(email, 1);
      expect(received.parsed.subject).toBe('Reset your Cascade password');
      const token = tokenIn(received);
      await api.dataSource.query(
        `UPDATE password_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [id],
      );
      const expired = await resetPassword(token, STRONG);
      expect(expired.status).toBe(422);
      expect(expired.body).toMatchObject({ code: 'PASSWORD_TOKEN_INVALID', errors: [{ field: 'token' }] });
      // Worded in the link owner's language, English here.
      expect(expired.body.errors[0].message).toMatch(/expired/);
      expect((await login(email, STRONG)).status).toBe(401);
      expect((await login(email, TEST_PASSWORD)).status).toBe(200);
    });

    it('refuses an unknown token', async () => {
      const response = await resetPassword('no-such-token-anywhere', STRONG, 'en');
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'PASSWORD_TOKEN_INVALID', errors: [{ field: 'token' }] });
    });

    it('is for those who may update the user', async () => {
      const manager = await api.login(world.managerA.email, STRONG);
      const byManager = await api
        .http()
        .post(`/api/users/${world.traineeA.id}/password-reset`)
        .set('authorization', manager)
        .send();
      expect(byManager.status).toBe(403);
      const unknown = await requestReset('00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
    });
  });

  describe('a forgotten password', () => {
    it('answers the same for a known and an unknown address; only the known one gets mail', async () => {
      const known = world.trainerB.email;
      const unknown = 'nobody.here@example.test';
      const ask = (email: string) => api.http().post('/api/auth/forgot-password').send({ email });
      const [forKnown, forUnknown] = [await ask(` ${known.toUpperCase()} `), await ask(unknown)];
      expect(forKnown.status).toBe(202);
      expect(forUnknown.status).toBe(202);
      expect(forUnknown.body).toEqual(forKnown.body);
      expect(forUnknown.headers['content-type']).toEqual(forKnown.headers['content-type']);

      const received = await nthMail(known, 1);
      const token = tokenIn(received);
      // Both requests were worked off, and the unknown address got nothing.
      await eventually(
        async () => {
          await api.relay();
          const [{ pending }] = await api.dataSource.query(
            `SELECT count(*)::int AS pending FROM outbox WHERE job_name = 'password.link' AND completed_at IS NULL`,
          );
          return pending === 0;
        },
        10_000,
        'password.link jobs done',
      );
      expect(mail.to(unknown)).toEqual([]);

      expect((await resetPassword(token, STRONGER)).status).toBe(204);
      expect((await login(known, STRONGER)).status).toBe(200);
    });
  });

  describe('an invitation', () => {
    it('emails an imported user without a password a seven-day link to choose one', async () => {
      const email = 'invited.person@example.test';
      const csv = Buffer.from(`name,email,roles,locale\nInvited Person,${email},trainee,en\n`);
      const imported = await api
        .http()
        .post('/api/users/import')
        .set('authorization', admin)
        .field('organizationId', world.clientA.id)
        .attach('file', csv, 'users.csv');
      expect(imported.status).toBe(201);
      const userId: string = imported.body.users[0].id;

      const received = await nthMail(email, 1);
      expect(received.parsed.subject).toBe('Welcome to Cascade: choose your password');
      expect(received.parsed.text).toContain('7 days');
      const token = tokenIn(received);
      const [row]: { purpose: string; valid_for: number }[] = await api.dataSource.query(
        `SELECT purpose, extract(epoch FROM expires_at - created_at)::int AS valid_for FROM password_token WHERE user_id = $1`,
        [userId],
      );
      expect(row.purpose).toBe('invitation');
      expect(Math.abs(row.valid_for - 7 * 86_400)).toBeLessThanOrEqual(5);

      // Long enough, but made of the person's own name.
      const weak = await resetPassword(token, 'invitedperson');
      expect(weak.status).toBe(422);
      expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'newPassword' }] });
      expect((await resetPassword(token, STRONG)).status).toBe(204);
      expect((await login(email, STRONG)).status).toBe(200);
      // One invitation per person, however often the welcome job runs.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(mail.to(email)).toHaveLength(1);
    });

    it('refuses a weak password an admin sets or imports', async () => {
      const created = await api
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({
          organizationId: world.clientA.id,
          email: 'weak.choice@example.test',
          name: 'Weak Choice',
          roles: ['trainee'],
          password: 'password1',
        });
      expect(created.status).toBe(422);
      expect(created.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT', errors: [{ field: 'password' }] });
      const csv = Buffer.from('name,email,roles,password\nWeak Row,weak.row@example.test,trainee,qwertyuiop123\n');
      const imported = await api
        .http()
        .post('/api/users/import')
        .set('authorization', admin)
        .field('organizationId', world.clientA.id)
        .attach('file', csv, 'users.csv');
      expect(imported.status).toBe(422);
      expect(imported.body.rows).toEqual([expect.objectContaining({ row: 2, field: 'password' })]);
    });
  });
});
