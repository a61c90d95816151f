import { createWorld, startTestApi, TestApi, World } from '@cascade/server/testing';

/** Requests that cost a lot, or could pester someone, have budgets; over one, 429 with Retry-After. */
describe('request budgets', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
  });
  afterAll(() => api?.close());

  it('sends at most three forgotten-password links an hour to one address', async () => {
    const ask = () => api.http().post('/api/auth/forgot-password').send({ email: world.traineeA.email });
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(202);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another person's address has its own budget.
    expect((await api.http().post('/api/auth/forgot-password').send({ email: world.traineeA2.email })).status).toBe(
      202,
    );
  });

  it('lets one person start 20 imports in ten minutes, then asks them to wait', async () => {
    const admin = await api.login(world.admin.email);
    const upload = () =>
      api
        .http()
        .post('/api/users/import')
        .set('authorization', admin)
        .field('organizationId', world.clientA.id)
        .attach('file', Buffer.from('name,email,roles\n'), 'users.csv');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await upload()).status);
    // An empty sheet is refused as such: each one still counted.
    expect(statuses).toEqual(Array(20).fill(422));
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else still may.
    const trainer = await api.login(world.trainerA.email);
    const theirs = await api
      .http()
      .post('/api/questions/import')
      .set('authorization', trainer)
      .field('organizationId', world.clientA.id)
      .attach('file', Buffer.from('stem\n'), 'questions.csv');
    expect(theirs.status).not.toBe(429);
  });
});
