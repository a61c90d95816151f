import { createWorld, startTestApi, TEST_PASSWORD, TestApi, World } from '@cascade/server/testing';
import type { Response } from 'supertest';

/** The header refresh and logout require besides the cookie. */
const CLIENT = { 'x-cascade-client': 'test' };

/** The refresh cookie a response set: its whole Set-Cookie line and the `name=value` to send back. */
function refreshCookie(response: Response): { line: string; pair: string; value: string } {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const line = lines.find((one) => one.startsWith('cascade_refresh='));
  if (!line) throw new Error(`no refresh cookie in ${JSON.stringify(lines)}`);
  const pair = line.split(';')[0];
  return { line, pair, value: pair.slice('cascade_refresh='.length) };
}

describe('auth', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    // The test client stands in for a reverse proxy on this machine, naming each caller's address.
    api = await startTestApi({ TRUST_PROXY: '127.0.0.1', LOGIN_FAILURES_PER_ADDRESS: '50' });
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  it('logs in with email and password and returns an access token and the user', async () => {
    const response = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.traineeA.email.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.expiresIn).toBe(900);
    expect(response.body.user).toMatchObject({ id: world.traineeA.id, roles: ['trainee'] });
    expect(response.body.user.passwordHash).toBeUndefined();
    const me = await api.http().get('/api/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(world.traineeA.id);
  });

  it('answers one generic message for a wrong password and for an unknown account', async () => {
    const wrong = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.traineeA2.email, password: 'nope-nope' });
    const unknown = await api
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  const fromAddress = (address: string, email: string, password: string) =>
    api.http().post('/api/auth/login').set('x-forwarded-for', address).send({ email, password });

  it('slows guessing at one account from one address with 429 and Retry-After, never locking its owner out', async () => {
    const email = world.traineeB.email;
    // The first three wrong passwords answer at once; then each try waits, doubling.
    for (let i = 0; i < 3; i++) expect((await fromAddress('203.0.113.7', email, `wrong-${i}`)).status).toBe(401);
    const paused = await fromAddress('203.0.113.7', email, TEST_PASSWORD);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(0);
    expect(paused.body.code).toBe('TOO_MANY_REQUESTS');
    // The owner, from their own address, logs in meanwhile.
    expect((await fromAddress('198.51.100.20', email, TEST_PASSWORD)).status).toBe(200);
  });

  it('caps failures from one address across accounts, and only that address', async () => {
    let status = 0;
    for (let i = 0; i < 51 && status !== 429; i++)
      status = (await fromAddress('203.0.113.99', `guess-${i}@example.test`, 'x')).status;
    expect(status).toBe(429);
    expect((await fromAddress('203.0.113.99', world.managerB.email, TEST_PASSWORD)).status).toBe(429);
    expect((await fromAddress('198.51.100.21', world.managerB.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('sets the refresh token only in an httpOnly, SameSite=Strict cookie for /api/auth', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.managerA.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = refreshCookie(login);
    const attributes = cookie.line.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth']));
    expect(attributes).not.toContain('secure');
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[\w-]{40,}$/);
    expect(login.body.refreshToken).toBeUndefined();
    expect(JSON.stringify(login.body)).not.toContain(cookie.value.split('.')[1]);
    expect(typeof login.body.accessToken).toBe('string');

    // Served over https, the cookie never travels over plain http.
    const https = await startTestApi({ PUBLIC_URL: 'https://cascade.example.test' }, { database: api.database });
    try {
      const secure = await https
        .http()
        .post('/api/auth/login')
        .send({ email: world.managerA.email, password: TEST_PASSWORD });
      expect(
        refreshCookie(secure)
          .line.split(';')
          .map((part) => part.trim().toLowerCase()),
      ).toContain('secure');
    } finally {
      await https.close();
    }
  });

  it('refreshes from the cookie alone, rotating it, and ends the family and its access tokens on reuse', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.managerA.email, password: TEST_PASSWORD });
    const first = refreshCookie(login);
    const firstAccess = `Bearer ${login.body.accessToken}`;

    // A token in the body is not read: only the cookie counts.
    const inBody = await api.http().post('/api/auth/refresh').set(CLIENT).send({ refreshToken: first.value });
    expect(inBody.status).toBe(401);
    expect(inBody.body.code).toBe('REFRESH_INVALID');

    const rotated = await api.http().post('/api/auth/refresh').set(CLIENT).set('cookie', first.pair);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).toBeUndefined();
    const second = refreshCookie(rotated);
    expect(second.value).not.toBe(first.value);
    const secondAccess = `Bearer ${rotated.body.accessToken}`;
    // Rotation keeps the session: the earlier access token still works.
    expect((await api.http().get('/api/auth/me').set('authorization', firstAccess)).status).toBe(200);
    expect((await api.http().get('/api/auth/me').set('authorization', secondAccess)).status).toBe(200);

    const reused = await api.http().post('/api/auth/refresh').set(CLIENT).set('cookie', first.pair);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('REFRESH_REUSED');
    // The thief's reuse also ends the legitimate holder's chain, and every access token of it, at once.
    expect((await api.http().post('/api/auth/refresh').set(CLIENT).set('cookie', second.pair)).status).toBe(401);
    for (const access of [firstAccess, secondAccess]) {
      const me = await api.http().get('/api/auth/me').set('authorization', access);
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('TOKEN_INVALID');
    }

    const stored: { token_hash: string }[] = await api.dataSource.query('SELECT token_hash FROM refresh_token');
    expect(stored.every((row) => !first.value.includes(row.token_hash) && /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(
      true,
    );
  });

  it('refuses refresh and logout without the client header', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.trainerA.email, password: TEST_PASSWORD });
    const cookie = refreshCookie(login);
    for (const path of ['/api/auth/refresh', '/api/auth/logout']) {
      const refused = await api.http().post(path).set('cookie', cookie.pair);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('CLIENT_HEADER_REQUIRED');
    }
    // Neither refusal used or ended the session.
    expect((await api.http().get('/api/auth/me').set('authorization', `Bearer ${login.body.accessToken}`)).status).toBe(
      200,
    );
    expect((await api.http().post('/api/auth/refresh').set(CLIENT).set('cookie', cookie.pair)).status).toBe(200);
  });

  it('logs out: clears the cookie and ends the session, its access token at once', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.managerB.email, password: TEST_PASSWORD });
    const cookie = refreshCookie(login);
    const access = `Bearer ${login.body.accessToken}`;
    expect((await api.http().get('/api/auth/me').set('authorization', access)).status).toBe(200);

    const logout = await api.http().post('/api/auth/logout').set(CLIENT).set('cookie', cookie.pair);
    expect(logout.status).toBe(204);
    const cleared = refreshCookie(logout);
    expect(cleared.value).toBe('');
    expect(cleared.line.toLowerCase()).toMatch(/path=\/api\/auth/);
    expect(cleared.line.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);

    const me = await api.http().get('/api/auth/me').set('authorization', access);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_INVALID');
    expect((await api.http().post('/api/auth/refresh').set(CLIENT).set('cookie', cookie.pair)).status).toBe(401);
    // Another session of the same user is not affected.
    expect(
      (
        await api
          .http()
          .get('/api/auth/me')
          .set('authorization', await api.login(world.managerB.email))
      ).status,
    ).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row]: { password_hash: string }[] = await api.dataSource.query(
      'SELECT password_hash FROM app_user WHERE id = $1',
      [world.admin.id],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses requests without a valid token', async () => {
    expect((await api.http().get('/api/users')).status).toBe(401);
    expect((await api.http().get('/api/users').set('authorization', 'Bearer garbage')).status).toBe(401);
    const deactivated = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.traineeA2.email, password: TEST_PASSWORD });
    const deactivatedLogin = `Bearer ${deactivated.body.accessToken}`;
    const admin = await api.login(world.admin.email);
    expect(
      (await api.http().post(`/api/users/${world.traineeA2.id}/deactivate`).set('authorization', admin)).status,
    ).toBe(200);
    // Deactivation ends the sessions at once: the access token and the refresh cookie both stop working.
    expect((await api.http().get('/api/auth/me').set('authorization', deactivatedLogin)).status).toBe(401);
    expect(
      (await api.http().post('/api/auth/refresh').set(CLIENT).set('cookie', refreshCookie(deactivated).pair)).status,
    ).toBe(401);
    expect(
      (await api.http().post('/api/auth/login').send({ email: world.traineeA2.email, password: TEST_PASSWORD })).status,
    ).toBe(401);
  });
});
