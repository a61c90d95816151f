import { TrainingPlanView, TrainingSessionView } from '@cascade/contracts';
import { CheckInLimiter, currentCode, WRONG_CODES_BEFORE_LOCK, WRONG_CODES_PER_MINUTE } from '@cascade/server/sessions';
import {
  addClientUsers,
  createPlan,
  createSession,
  createWorld,
  minutesFromNow,
  startTestApi,
  TEST_REDIS_URL,
  TestApi,
  World,
} from '@cascade/server/testing';
import { Redis } from 'ioredis';

interface Person {
  id: string;
  name: string;
  token: string;
}

/** A code that is surely not the current or the previous one. */
function wrongCode(secret: string): string {
  const valid = new Set([currentCode(secret).code, currentCode(secret, Date.now() - 30_000).code]);
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

async function openSession(api: TestApi, world: World, token: string, plan: TrainingPlanView, people: Person[]) {
  const session = await createSession(api, token, plan, { startsAt: minutesFromNow(-5), endsAt: minutesFromNow(85) });
  await api
    .http()
    .post(`/api/sessions/${session.id}/enrollments`)
    .set('authorization', token)
    .send({ userIds: people.map((p) => p.id) });
  const [{ check_in_secret: secret }] = await api.dataSource.query(
    'SELECT check_in_secret FROM training_session WHERE id = $1',
    [session.id],
  );
  return { session, secret: secret as string };
}

/** Wrong check-in codes: a few a minute, then 429; at the total limit the person's entry closes. */
describe('check-in code limits (Redis store)', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let plan: TrainingPlanView;
  let session: TrainingSessionView;
  let secret: string;
  let people: Person[];
  let redis: Redis;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    trainer = await api.login(world.trainerA.email);
    const made = await addClientUsers(
      api,
      world,
      ['钱一', '钱二', '钱三', '钱四'].map((name) => ({ name })),
    );
    people = await Promise.all(made.map(async (u) => ({ id: u.id, name: u.name, token: await api.login(u.email) })));
    plan = await createPlan(api, world, trainer);
    ({ session, secret } = await openSession(api, world, trainer, plan, people));
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  const checkIn = (person: Person, code: string) =>
    api.http().post(`/api/sessions/${session.id}/check-ins`).set('authorization', person.token).send({ code });
  const limiterKey = (person: Person) => `${api.app.get(CheckInLimiter).keyPrefix}:${session.id}:${person.id}`;
  /** What a minute's wait does: the pacing counter in Redis is gone. */
  const minutePasses = async (person: Person) => {
    expect(await redis.del(limiterKey(person))).toBe(1);
  };

  it('still takes the right code after a few wrong ones', async () => {
    const [person] = people;
    for (let i = 0; i < WRONG_CODES_PER_MINUTE - 1; i++) {
      const wrong = await checkIn(person, wrongCode(secret));
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('CHECK_IN_CODE_INVALID');
    }
    const right = await checkIn(person, currentCode(secret).code);
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({ userId: person.id, status: 'late' });
  });

  it('answers 429 with Retry-After after 5 wrong codes within a minute, even for the right code, counted in Redis', async () => {
    const person = people[1];
    for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++)
      expect((await checkIn(person, wrongCode(secret))).status).toBe(422);
    expect(Number(await redis.get(limiterKey(person)))).toBe(WRONG_CODES_PER_MINUTE);
    for (const code of [wrongCode(secret), currentCode(secret).code]) {
      const paced = await checkIn(person, code);
      expect(paced.status).toBe(429);
      expect(paced.headers['content-type']).toContain('application/problem+json');
      expect(paced.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
      const retryAfter = Number(paced.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(paced.body.retryAfter).toBe(retryAfter);
    }
    // Refused attempts are not counted as wrong codes.
    const [{ wrong_codes }] = await api.dataSource.query(
      'SELECT wrong_codes FROM check_in_failure WHERE session_id = $1 AND user_id = $2',
      [session.id, person.id],
    );
    expect(wrong_codes).toBe(WRONG_CODES_PER_MINUTE);
    await minutePasses(person);
    expect((await checkIn(person, currentCode(secret).code)).status).toBe(201);
  });

  it('closes the person’s entry after 20 wrong codes in all, even for the right code; the trainer sees it and reopens it', async () => {
    const person = people[2];
    const statuses: number[] = [];
    for (let round = 0; round < WRONG_CODES_BEFORE_LOCK / WRONG_CODES_PER_MINUTE; round++) {
      if (round > 0) await minutePasses(person);
      for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++) statuses.push((await checkIn(person, wrongCode(secret))).status);
    }
    expect(statuses.slice(0, WRONG_CODES_BEFORE_LOCK - 1).every((s) => s === 422)).toBe(true);
    // The twentieth wrong code closes the entry.
    expect(statuses[WRONG_CODES_BEFORE_LOCK - 1]).toBe(403);
    await redis.del(limiterKey(person));
    const right = await checkIn(person, currentCode(secret).code);
    expect(right.status).toBe(403);
    expect(right.body).toMatchObject({ code: 'CHECK_IN_LOCKED', status: 403 });
    expect(right.body.lockedAt).toEqual(expect.any(String));
    const [row] = await api.dataSource.query(
      'SELECT wrong_codes, locked_at FROM check_in_failure WHERE session_id = $1 AND user_id = $2',
      [session.id, person.id],
    );
    expect(row.wrong_codes).toBe(WRONG_CODES_BEFORE_LOCK);
    expect(row.locked_at).not.toBeNull();
    const [attended] = await api.dataSource.query('SELECT 1 FROM attendance WHERE session_id = $1 AND user_id = $2', [
      session.id,
      person.id,
    ]);
    expect(attended).toBeUndefined();

    // Another replica, with its own counters, keeps the entry closed: the lock is in the database.
    const replica = await startTestApi({}, { database: api.database });
    try {
      const elsewhere = await replica
        .http()
        .post(`/api/sessions/${session.id}/check-ins`)
        .set('authorization', person.token)
        .send({ code: currentCode(secret).code });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('CHECK_IN_LOCKED');
    } finally {
      await replica.close();
    }

    // The trainer's sheet flags the person.
    const sheet = await api.http().get(`/api/sessions/${session.id}/attendance`).set('authorization', trainer);
    expect(sheet.status).toBe(200);
    expect(sheet.body.checkInLocked).toBe(1);
    const flagged = sheet.body.rows.find((r: { userId: string }) => r.userId === person.id);
    expect(flagged).toMatchObject({
      enrolled: true,
      attendance: null,
      checkInEntry: { wrongCodes: WRONG_CODES_BEFORE_LOCK, locked: true },
    });
    const unflagged = sheet.body.rows.find((r: { userId: string }) => r.userId === people[3].id);
    expect(unflagged.checkInEntry).toBeNull();

    // The person cannot reopen it themselves; a trainer of the session can, and that is logged.
    const bySelf = await api
      .http()
      .post(`/api/sessions/${session.id}/check-in-entries/${person.id}/reopen`)
      .set('authorization', person.token);
    expect(bySelf.status).toBe(403);
    const reopened = await api
      .http()
      .post(`/api/sessions/${session.id}/check-in-entries/${person.id}/reopen`)
      .set('authorization', trainer);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toEqual({ wrongCodes: 0, locked: false, lockedAt: null });
    const [entry] = await api.dataSource.query(
      `SELECT actor_id, before, after FROM audit_entry WHERE entity = 'CheckInFailure' AND entity_id = $1`,
      [`${session.id}:${person.id}`],
    );
    expect(entry).toMatchObject({
      actor_id: world.trainerA.id,
      before: { locked: true, wrongCodes: WRONG_CODES_BEFORE_LOCK },
      after: { locked: false, wrongCodes: 0 },
    });
    expect((await checkIn(person, currentCode(secret).code)).status).toBe(201);
  });

  it('answers 404 when there is nothing to reopen', async () => {
    const none = await api
      .http()
      .post(`/api/sessions/${session.id}/check-in-entries/${people[3].id}/reopen`)
      .set('authorization', trainer);
    expect(none.status).toBe(404);
  });
});

describe('check-in code limits (PostgreSQL store, no Redis)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ REDIS_URL: undefined as unknown as string });
  });
  afterAll(() => api?.close());

  it('paces wrong codes in PostgreSQL the same way', async () => {
    expect(api.config.queue.redisUrl).toBeNull();
    const world = await createWorld(api);
    const trainer = await api.login(world.trainerA.email);
    const person = { id: world.traineeA.id, name: 'trainee-a', token: await api.login(world.traineeA.email) };
    const plan = await createPlan(api, world, trainer);
    const { session, secret } = await openSession(api, world, trainer, plan, [person]);
    const checkIn = (code: string) =>
      api.http().post(`/api/sessions/${session.id}/check-ins`).set('authorization', person.token).send({ code });
    for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++) expect((await checkIn(wrongCode(secret))).status).toBe(422);
    const paced = await checkIn(currentCode(secret).code);
    expect(paced.status).toBe(429);
    expect(Number(paced.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const [row] = await api.dataSource.query('SELECT points FROM rate_limit WHERE key = $1', [
      `${api.app.get(CheckInLimiter).keyPrefix}:${session.id}:${person.id}`,
    ]);
    expect(row.points).toBe(WRONG_CODES_PER_MINUTE);
  });
});
