import { TrainingPlanView, TrainingSessionView } from '@cascade/contracts';
import { currentCode } from '@cascade/server/sessions';
import {
  binaryBody,
  createPlan,
  createSession,
  createWorld,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';
import ExcelJS from 'exceljs';

describe('sign-in and attendance', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainee: string;
  let trainee2: string;
  let manager: string;
  let plan: TrainingPlanView;
  let session: TrainingSessionView;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainee, trainee2, manager] = await Promise.all(
      [world.trainerA, world.traineeA, world.traineeA2, world.managerA].map((u) => api.login(u.email)),
    );
    plan = await createPlan(api, world, trainer);
    // Started five minutes ago: the window is open and check-ins count as late.
    session = await createSession(api, trainer, plan, { startsAt: minutesFromNow(-5), endsAt: minutesFromNow(85) });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
  });
  afterAll(() => api?.close());

  const code = async () =>
    (await api.http().get(`/api/sessions/${session.id}/check-in-code`).set('authorization', trainer)).body;

  it('gives the session’s trainers a rotating code and a QR URL; nobody else', async () => {
    const current = await code();
    expect(current.code).toMatch(/^\d{6}$/);
    expect(current.url).toBe(`${api.config.publicUrl}/checkin/${session.id}?code=${current.code}`);
    expect(current.periodSeconds).toBe(30);
    const expiresIn = new Date(current.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(30_000);
    expect(
      (await api.http().get(`/api/sessions/${session.id}/check-in-code`).set('authorization', trainee)).status,
    ).toBe(403);
    const trainerB = await api.login(world.trainerB.email);
    expect(
      (await api.http().get(`/api/sessions/${session.id}/check-in-code`).set('authorization', trainerB)).status,
    ).toBe(404);
  });

  it('checks an enrolled trainee in once: time, method and minutes late; a second check-in returns the first record', async () => {
    const { code: current } = await code();
    const first = await api
      .http()
      .post(`/api/sessions/${session.id}/check-ins`)
      .set('authorization', trainee)
      .send({ code: current, method: 'qr' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ userId: world.traineeA.id, status: 'late', method: 'qr', walkIn: false });
    expect(first.body.minutesLate).toBeGreaterThanOrEqual(4);
    const again = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.http().post(`/api/sessions/${session.id}/check-ins`).set('authorization', trainee).send({ code: current }),
      ),
    );
    for (const response of again) {
      expect(response.status).toBe(200);
      expect(response.body.id).toBe(first.body.id);
    }
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM attendance WHERE session_id = $1 AND user_id = $2',
      [session.id, world.traineeA.id],
    );
    expect(n).toBe(1);
  });

  it('keeps one row when the same person checks in many times at the same instant', async () => {
    // Starts after the first session ends; its window opens early enough to be open now.
    const parallel = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(100),
      endsAt: minutesFromNow(130),
      location: '二号室',
      checkInOpensMinutesBefore: 240,
    });
    await api
      .http()
      .post(`/api/sessions/${parallel.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA2.id] });
    const secret = (
      await api.dataSource.query('SELECT check_in_secret FROM training_session WHERE id = $1', [parallel.id])
    )[0].check_in_secret;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api
          .http()
          .post(`/api/sessions/${parallel.id}/check-ins`)
          .set('authorization', trainee2)
          .send({ code: currentCode(secret).code }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses[0].body.status).toBe('present');
  });

  it('refuses a wrong or expired code with 422 and a closed window with 409 giving its times', async () => {
    const wrong = await api
      .http()
      .post(`/api/sessions/${session.id}/check-ins`)
      .set('authorization', trainee2)
      .send({ code: '000000' });
    expect([422]).toContain(wrong.status);
    expect(wrong.body.code).toBe('CHECK_IN_CODE_INVALID');
    const secret = (
      await api.dataSource.query('SELECT check_in_secret FROM training_session WHERE id = $1', [session.id])
    )[0].check_in_secret;
    const stale = currentCode(secret, Date.now() - 90_000).code;
    if (stale !== currentCode(secret).code && stale !== currentCode(secret, Date.now() - 30_000).code) {
      expect(
        (
          await api
            .http()
            .post(`/api/sessions/${session.id}/check-ins`)
            .set('authorization', trainee2)
            .send({ code: stale })
        ).status,
      ).toBe(422);
    }
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${session.id}/check-ins`)
          .set('authorization', trainee2)
          .send({ code: 12345 })
      ).status,
    ).toBe(400);

    const later = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(24 * 60),
      endsAt: minutesFromNow(25 * 60),
      location: '三号室',
    });
    await api
      .http()
      .post(`/api/sessions/${later.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
    const closed = await api
      .http()
      .post(`/api/sessions/${later.id}/check-ins`)
      .set('authorization', trainee)
      .send({ code: '123456' });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({
      code: 'CHECK_IN_CLOSED',
      opensAt: later.checkInOpensAt,
      closesAt: later.checkInClosesAt,
    });
  });

  it('records someone not enrolled as a walk-in awaiting approval, which the trainer gives', async () => {
    const walkIn = await api
      .http()
      .post(`/api/sessions/${session.id}/check-ins`)
      .set('authorization', trainee2)
      .send({ code: (await code()).code, method: 'code' });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ status: 'pending_approval', walkIn: true, method: 'code' });
    const sheet = await api.http().get(`/api/sessions/${session.id}/attendance`).set('authorization', trainer);
    expect(sheet.body).toMatchObject({ enrolled: 1, checkedIn: 1, pendingApproval: 1 });
    const approved = await api
      .http()
      .post(`/api/sessions/${session.id}/attendance`)
      .set('authorization', trainer)
      .send({ userId: world.traineeA2.id, status: 'present' });
    expect(approved.body).toMatchObject({ status: 'present', walkIn: true, markedBy: world.trainerA.id });
    // Another client's trainee cannot even find the session.
    const foreign = await api.login(world.traineeB.email);
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${session.id}/check-ins`)
          .set('authorization', foreign)
          .send({ code: (await code()).code })
      ).status,
    ).toBe(404);
  });

  it('lets the trainer mark anyone, requiring a note for excused', async () => {
    const noNote = await api
      .http()
      .post(`/api/sessions/${session.id}/attendance`)
      .set('authorization', trainer)
      .send({ userId: world.traineeA.id, status: 'excused' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0].field).toBe('note');
    const excused = await api
      .http()
      .post(`/api/sessions/${session.id}/attendance`)
      .set('authorization', trainer)
      .send({ userId: world.traineeA.id, status: 'excused', note: '出差' });
    expect(excused.body).toMatchObject({ status: 'excused', note: '出差' });
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${session.id}/attendance`)
          .set('authorization', trainer)
          .send({ userId: world.traineeB.id, status: 'present' })
      ).status,
    ).toBe(422);
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${session.id}/attendance`)
          .set('authorization', trainee)
          .send({ userId: world.traineeA.id, status: 'present' })
      ).status,
    ).toBe(403);
    expect(
      (
        await api
          .http()
          .post(`/api/sessions/${session.id}/attendance`)
          .set('authorization', trainer)
          .send({ userId: world.traineeA.id, status: 'asleep' })
      ).status,
    ).toBe(400);
  });

  it('exports a printable sign-in sheet and summarises attendance per trainee and plan', async () => {
    const xlsx = await api
      .http()
      .get(`/api/sessions/${session.id}/attendance.xlsx`)
      .set('authorization', manager)
      .buffer(true)
      .parse(binaryBody);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain('trainee-a');
    expect(text).toContain('请假');

    const summary = await api
      .http()
      .get(`/api/training-plans/${plan.id}/attendance-summary`)
      .set('authorization', manager);
    expect(summary.status).toBe(200);
    expect(summary.body.sessionsHeld).toBeGreaterThanOrEqual(1);
    const row = summary.body.trainees.find((t: { userId: string }) => t.userId === world.traineeA.id);
    expect(row).toMatchObject({ assigned: 1, excused: 1, present: 0, rate: 0 });
  });
});
