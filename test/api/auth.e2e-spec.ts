import { createWorld, startTestApi, TEST_PASSWORD, TestApi, World } from '@cascade/server/testing';

describe('auth', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  it('logs in with email and password and returns tokens and the user', async () => {
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

  it('throttles an account after repeated failures with 429 and Retry-After', async () => {
    const email = world.traineeB.email;
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await api
            .http()
            .post('/api/auth/login')
            .send({ email, password: `wrong-${i}` })
        ).status,
      ).toBe(401);
    }
    const blocked = await api.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('throttles an address after failures across many accounts', async () => {
    const ip = { 'x-forwarded-for': 'ignored' };
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++) {
      const response = await api
        .http()
        .post('/api/auth/login')
        .set(ip)
        .send({ email: `guess-${i}@example.test`, password: 'x' });
      status = response.status;
    }
    expect(status).toBe(429);
    // The limit is per address, so clear it for the other tests of this file.
    await api.dataSource.query('DELETE FROM login_failure');
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.managerA.email, password: TEST_PASSWORD });
    const first = login.body.refreshToken as string;
    const rotated = await api.http().post('/api/auth/refresh').send({ refreshToken: first });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    const second = rotated.body.refreshToken as string;

    const reused = await api.http().post('/api/auth/refresh').send({ refreshToken: first });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('REFRESH_REUSED');
    // The thief's reuse also ends the legitimate holder's chain.
    expect((await api.http().post('/api/auth/refresh').send({ refreshToken: second })).status).toBe(401);

    const stored: { token_hash: string }[] = await api.dataSource.query('SELECT token_hash FROM refresh_token');
    expect(stored.every((row) => !first.includes(row.token_hash) && /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('logs out by revoking the refresh token', async () => {
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.managerB.email, password: TEST_PASSWORD });
    expect((await api.http().post('/api/auth/logout').send({ refreshToken: login.body.refreshToken })).status).toBe(
      204,
    );
    expect((await api.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(
      401,
    );
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
    const deactivatedLogin = await api.login(world.traineeA2.email);
    const admin = await api.login(world.admin.email);
    expect(
      (await api.http().post(`/api/users/${world.traineeA2.id}/deactivate`).set('authorization', admin)).status,
    ).toBe(200);
    expect((await api.http().get('/api/auth/me').set('authorization', deactivatedLogin)).status).toBe(401);
    expect(
      (await api.http().post('/api/auth/login').send({ email: world.traineeA2.email, password: TEST_PASSWORD })).status,
    ).toBe(401);
  });
});
