import { TrainingPlanView } from '@cascade/contracts';
import {
  createPlan,
  createSession,
  createWorld,
  eventually,
  readCalendarEvents,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

describe('sessions', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainerB: string;
  let trainee: string;
  let plan: TrainingPlanView;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainerB, trainee] = await Promise.all(
      [world.trainerA, world.trainerB, world.traineeA].map((u) => api.login(u.email)),
    );
    plan = await createPlan(api, world, trainer);
  });
  afterAll(() => api?.close());

  const at = (days: number, hour: number) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + days);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString().replace('Z', '+00:00');
  };

  it('schedules a module of a plan with trainers, in the plan’s default location', async () => {
    const session = await createSession(api, trainer, plan, { startsAt: at(10, 1), endsAt: at(10, 3), location: null });
    expect(session).toMatchObject({
      planId: plan.id,
      moduleId: plan.modules[0].id,
      title: '采购下单',
      businessProcess: '采购 / 下单',
      location: '一号会议室',
      timeZone: 'Asia/Shanghai',
      status: 'scheduled',
      trainers: [{ userId: world.trainerA.id, role: 'lead' }],
    });
    expect(new Date(session.checkInOpensAt).getTime()).toBe(new Date(session.startsAt).getTime() - 15 * 60_000);
    expect(new Date(session.checkInClosesAt).getTime()).toBe(new Date(session.startsAt).getTime() + 30 * 60_000);
  });

  it('refuses a trainer booked twice, naming the other session', async () => {
    const first = await createSession(api, trainer, plan, {
      startsAt: at(11, 1),
      endsAt: at(11, 3),
      location: '三号会议室',
    });
    const second = await api
      .http()
      .post('/api/sessions')
      .set('authorization', trainer)
      .send({
        planId: plan.id,
        moduleId: plan.modules[1].id,
        startsAt: at(11, 2),
        endsAt: at(11, 4),
        timeZone: 'Asia/Shanghai',
        location: '四号会议室',
        capacity: 10,
        trainers: [{ userId: world.trainerA.id, role: 'lead' }],
      });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'TRAINER_CLASH',
      conflict: { sessionId: first.id, title: '采购下单', userId: world.trainerA.id },
    });
    expect(second.body.detail).toContain('采购下单');
  });

  it('refuses a location booked twice (ignoring case and spaces) but allows back-to-back sessions', async () => {
    await createSession(api, trainer, plan, { startsAt: at(12, 1), endsAt: at(12, 3), location: 'Room 7' });
    const admin = await api.login(world.admin.email);
    const sameRoom = await api
      .http()
      .post('/api/sessions')
      .set('authorization', admin)
      .send({
        planId: plan.id,
        moduleId: plan.modules[1].id,
        startsAt: at(12, 2),
        endsAt: at(12, 4),
        timeZone: 'UTC',
        location: ' room7 ',
        capacity: 10,
        trainers: [{ userId: world.admin.id, role: 'lead' }],
      });
    // The admin is not a trainer of the client: that is checked first.
    expect(sameRoom.status).toBe(422);
    await api
      .http()
      .patch(`/api/users/${world.trainerB.id}`)
      .set('authorization', admin)
      .send({ assignedOrganizationIds: [world.clientA.id, world.clientB.id] });
    const clash = await api
      .http()
      .post('/api/sessions')
      .set('authorization', trainerB)
      .send({
        planId: plan.id,
        moduleId: plan.modules[1].id,
        startsAt: at(12, 2),
        endsAt: at(12, 4),
        timeZone: 'UTC',
        location: ' room7 ',
        capacity: 10,
        trainers: [{ userId: world.trainerB.id, role: 'lead' }],
      });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('LOCATION_CLASH');
    const backToBack = await api
      .http()
      .post('/api/sessions')
      .set('authorization', trainerB)
      .send({
        planId: plan.id,
        moduleId: plan.modules[1].id,
        startsAt: at(12, 3),
        endsAt: at(12, 5),
        timeZone: 'UTC',
        location: 'Room 7',
        capacity: 10,
        trainers: [{ userId: world.trainerB.id, role: 'lead' }],
      });
    expect(backToBack.status).toBe(201);
  });

  it('refuses a trainee enrolled in two overlapping sessions and enrollment over capacity', async () => {
    const a = await createSession(api, trainer, plan, {
      startsAt: at(13, 1),
      endsAt: at(13, 3),
      location: 'A',
      capacity: 1,
    });
    const b = await createSession(api, trainerB, plan, {
      startsAt: at(13, 2),
      endsAt: at(13, 4),
      location: 'B',
      trainers: [{ userId: world.trainerB.id, role: 'lead' }],
    });
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${a.id}/enrollments`)
          .set('authorization', trainer)
          .send({ userIds: [world.traineeA.id] })
      ).status,
    ).toBe(200);
    const overlap = await api
      .http()
      .post(`/api/sessions/${b.id}/enrollments`)
      .set('authorization', trainerB)
      .send({ userIds: [world.traineeA.id] });
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({
      code: 'TRAINEE_CLASH',
      conflict: { sessionId: a.id, userId: world.traineeA.id },
    });
    const full = await api
      .http()
      .post(`/api/sessions/${a.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA2.id] });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('CAPACITY_EXCEEDED');
    const foreign = await api
      .http()
      .post(`/api/sessions/${b.id}/enrollments`)
      .set('authorization', trainerB)
      .send({ userIds: [world.traineeB.id] });
    expect(foreign.status).toBe(422);
  });

  it('lets trainees accept or decline, and see only their sessions', async () => {
    const session = await createSession(api, trainer, plan, { startsAt: at(14, 1), endsAt: at(14, 2), location: 'C' });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
    const declined = await api
      .http()
      .post(`/api/sessions/${session.id}/respond`)
      .set('authorization', trainee)
      .send({ response: 'declined' });
    expect(declined.body.enrollments).toEqual([
      expect.objectContaining({ userId: world.traineeA.id, status: 'declined' }),
    ]);
    const mine = await api.http().get('/api/sessions?perPage=100').set('authorization', trainee);
    expect(mine.body.data.map((s: { id: string }) => s.id)).toContain(session.id);
    const other = await createSession(api, trainer, plan, { startsAt: at(15, 1), endsAt: at(15, 2), location: 'D' });
    expect((await api.http().get(`/api/sessions/${other.id}`).set('authorization', trainee)).status).toBe(404);
  });

  it('reschedules and cancels, keeping the session and its history, and tells the enrolled through the outbox', async () => {
    const session = await createSession(api, trainer, plan, { startsAt: at(16, 1), endsAt: at(16, 2), location: 'E' });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA2.id] });
    const moved = await api
      .http()
      .patch(`/api/sessions/${session.id}`)
      .set('authorization', trainer)
      .send({ startsAt: at(16, 5), endsAt: at(16, 6) });
    expect(moved.status).toBe(200);
    const cancelled = await api
      .http()
      .post(`/api/sessions/${session.id}/cancel`)
      .set('authorization', trainer)
      .send({ reason: '讲师生病' });
    expect(cancelled.body).toMatchObject({ id: session.id, status: 'cancelled', cancelReason: '讲师生病' });
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${session.id}/cancel`)
          .set('authorization', trainer)
          .send({ reason: 'again' })
      ).status,
    ).toBe(409);

    const token = await api.login(world.traineeA2.email);
    const inbox = await eventually(
      async () => {
        const response = await api.http().get('/api/me/notifications?perPage=50').set('authorization', token);
        const kinds = response.body.data.map((n: { kind: string }) => n.kind);
        return ['session_enrolled', 'session_rescheduled', 'session_cancelled'].every((k) => kinds.includes(k))
          ? response.body.data
          : undefined;
      },
      15_000,
      'session notifications',
    );
    expect(inbox.find((n: { kind: string }) => n.kind === 'session_cancelled').body).toContain('讲师生病');

    const admin = await api.login(world.admin.email);
    const history = await api
      .http()
      .get(`/api/audit-entries?entity=TrainingSession&entityId=${session.id}&sort=createdAt&order=ASC`)
      .set('authorization', admin);
    expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.stringify(history.body)).not.toContain('checkInSecret');
  });

  it('answers bad times and shapes with 400 or 422 naming the field', async () => {
    const base = {
      planId: plan.id,
      moduleId: plan.modules[0].id,
      timeZone: 'Asia/Shanghai',
      capacity: 10,
      trainers: [{ userId: world.trainerA.id, role: 'lead' }],
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ startsAt: '2026-13-45T25:00', endsAt: at(20, 2) }, 400, 'startsAt'],
      [{ startsAt: '2026-12-01T09:00:00', endsAt: '2026-12-01T10:00:00' }, 400, 'startsAt'],
      [{ startsAt: at(20, 3), endsAt: at(20, 2) }, 422, 'endsAt'],
      [{ startsAt: at(20, 1), endsAt: at(20, 2), timeZone: 'Mars/Olympus' }, 400, 'timeZone'],
      [{ startsAt: at(20, 1), endsAt: at(20, 2), capacity: 0 }, 400, 'capacity'],
      [{ startsAt: at(20, 1), endsAt: at(20, 2), capacity: 1e20 }, 400, 'capacity'],
      [
        { startsAt: at(20, 1), endsAt: at(20, 2), trainers: [{ userId: world.trainerA.id, role: 'assistant' }] },
        422,
        'trainers',
      ],
      [{ startsAt: at(20, 1), endsAt: at(20, 2), moduleId: '00000000-0000-4000-8000-000000000000' }, 422, 'moduleId'],
      [{ startsAt: at(20, 1), endsAt: at(20, 2), onlineUrl: 'ftp://x' }, 400, 'onlineUrl'],
    ];
    for (const [overrides, status, field] of cases) {
      const response = await api
        .http()
        .post('/api/sessions')
        .set('authorization', trainer)
        .send({ ...base, ...overrides });
      expect({ overrides, status: response.status }).toEqual({ overrides, status });
      expect(response.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    }
  });

  it('serves calendars: one session, and a personal feed at a secret URL that can be reset', async () => {
    const session = await createSession(api, trainer, plan, { startsAt: at(21, 1), endsAt: at(21, 2), location: 'F' });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
    const ics = await api.http().get(`/api/sessions/${session.id}/calendar.ics`).set('authorization', trainee);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toContain('SUMMARY:采购下单');

    const { url } = (await api.http().get('/api/me/calendar').set('authorization', trainee)).body;
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(url).pathname;
    const feed = await api.http().get(path);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`UID:${session.id}@cascade`);

    await api.http().post(`/api/sessions/${session.id}/cancel`).set('authorization', trainer).send({ reason: '停电' });
    expect((await api.http().get(path)).text).toContain('STATUS:CANCELLED');

    const reset = await api.http().post('/api/me/calendar/reset').set('authorization', trainee);
    expect(reset.body.url).not.toBe(url);
    expect((await api.http().get(path)).status).toBe(404);
    expect((await api.http().get('/api/calendar/not-a-token.ics')).status).toBe(404);
  });

  it('writes calendar times as the session’s instants, whatever its time zone and daylight saving time', async () => {
    const next = new Date().getUTCFullYear() + 1;
    const dstDay = lastSundayOfMarch(next);
    const cases = [
      // 09:00–10:00 in Shanghai.
      { timeZone: 'Asia/Shanghai', startsAt: `${next}-11-26T09:00:00+08:00`, endsAt: `${next}-11-26T10:00:00+08:00` },
      // Berlin's clocks go forward at 01:00Z on the last Sunday of March; this session spans the change.
      {
        timeZone: 'Europe/Berlin',
        startsAt: `${next}-03-${dstDay}T01:30:00+01:00`,
        endsAt: `${next}-03-${dstDay}T04:30:00+02:00`,
      },
      { timeZone: 'Europe/Berlin', startsAt: `${next}-07-01T10:00:00+02:00`, endsAt: `${next}-07-01T12:00:00+02:00` },
    ];
    const sessions = [];
    for (const times of cases) {
      const session = await createSession(api, trainer, plan, { ...times, location: 'G' });
      await api
        .http()
        .post(`/api/sessions/${session.id}/enrollments`)
        .set('authorization', trainer)
        .send({ userIds: [world.traineeA.id] })
        .expect(200);
      sessions.push(session);
    }
    const instant = (iso: string) => new Date(iso).toISOString();
    const { url } = (await api.http().get('/api/me/calendar').set('authorization', trainee)).body;
    const feed = readCalendarEvents((await api.http().get(new URL(url).pathname).expect(200)).text);
    for (const session of sessions) {
      const expected = { start: instant(session.startsAt), end: instant(session.endsAt) };
      const ics = await api.http().get(`/api/sessions/${session.id}/calendar.ics`).set('authorization', trainee);
      expect(ics.status).toBe(200);
      expect(readCalendarEvents(ics.text).get(`${session.id}@cascade`)).toEqual(expected);
      expect(feed.get(`${session.id}@cascade`)).toEqual(expected);
    }
    // The Shanghai session is at 01:00Z, which a calendar shows as 09:00 there.
    expect(feed.get(`${sessions[0].id}@cascade`)?.start).toBe(`${next}-11-26T01:00:00.000Z`);
  });
});

/** The day of the month of a year's last Sunday of March, when Europe's clocks go forward. */
function lastSundayOfMarch(year: number): number {
  return 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
}
