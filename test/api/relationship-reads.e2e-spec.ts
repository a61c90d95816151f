import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  addClientUsers,
  createPlan,
  createExam,
  createSession,
  createTrack,
  createWorld,
  minutesFromNow,
  qualify,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  World,
} from '@cascade/server/testing';

/**
 * Reads that follow relationships inside one client: an internal trainer sees the exams they
 * sit and those of the sessions they train, never the organization's others; someone's attempt
 * is read by its exam's trainers and the managers of the candidate's department, nobody else;
 * and a user's roles read as they apply now.
 *
 *   张伟: qualified on 采购, leads session S; 刘洋 (采购部) and 周敏 (财务部) sit exam E of S
 *   exam F: not of S, assigned to 刘洋 only; exam G: assigned to 张伟
 *   陈芳 heads 财务部; managerA heads 采购部
 */
describe('reads that follow relationships', () => {
  let api: TestApi;
  let world: World;
  let admin: string;
  let trainer: string;
  let managerA: string;
  let tokens: Record<'zhang' | 'liu' | 'zhou' | 'chen', string>;
  let ids: Record<'zhang' | 'liu' | 'zhou' | 'chen', string>;
  let emails: Record<'zhang', string>;
  let trackId: string;
  let sessionId: string;
  let otherSessionId: string;
  const exams = { E: '', F: '', G: '' };
  const attempts = { liuOnE: '', zhouOnE: '', liuOnF: '' };

  const get = (token: string, path: string) => api.http().get(path).set('authorization', token);
  const post = (token: string, path: string, body: object = {}) =>
    api.http().post(path).set('authorization', token).send(body);

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [admin, trainer, managerA] = await Promise.all(
      [world.admin, world.trainerA, world.managerA].map((u) => api.login(u.email)),
    );
    const finance = await post(admin, '/api/departments', { organizationId: world.clientA.id, name: '财务部' });
    expect(finance.status).toBe(201);
    const [zhang, liu, zhou, chen] = await addClientUsers(api, world, [
      { name: '张伟', isKeyUser: true },
      { name: '刘洋' },
      { name: '周敏', departmentId: finance.body.id },
      { name: '陈芳', roles: ['manager'], departmentId: finance.body.id },
    ]);
    expect(
      (
        await api
          .http()
          .patch(`/api/departments/${finance.body.id}`)
          .set('authorization', admin)
          .send({ managerId: chen.id })
      ).status,
    ).toBe(200);
    trackId = await createTrack(api, world.clientA.id, '采购内训师', ['采购 / 下单']);
    await qualify(api, trackId, zhang.id);
    ids = { zhang: zhang.id, liu: liu.id, zhou: zhou.id, chen: chen.id };
    emails = { zhang: zhang.email };
    tokens = Object.fromEntries(
      await Promise.all([zhang, liu, zhou, chen].map(async (u, i) => [Object.keys(ids)[i], await api.login(u.email)])),
    );

    const plan = await createPlan(api, world, trainer);
    const session = await createSession(api, trainer, plan, { trainers: [{ userId: zhang.id, role: 'lead' }] });
    otherSessionId = (
      await createSession(api, trainer, plan, { startsAt: minutesFromNow(200), endsAt: minutesFromNow(290) })
    ).id;
    sessionId = session.id;
    const question = await post(trainer, '/api/questions', {
      organizationId: world.clientA.id,
      ...QUESTION_EXAMPLES.single_choice,
      status: 'active',
    });
    expect(question.status).toBe(201);
    const exam = (title: string, fields: object) =>
      createExam(api, trainer, world.clientA.id, {
        title,
        kind: 'practice',
        questionIds: [question.body.id],
        ...fields,
      });
    exams.E = await exam('会话测验', { sessionId: session.id, assignees: { userIds: [liu.id, zhou.id] } });
    exams.F = await exam('另一场测验', { assignees: { userIds: [liu.id] } });
    exams.G = await exam('张伟的测验', { assignees: { userIds: [zhang.id] } });
    const start = async (token: string, examId: string) => {
      const started = await post(token, `/api/exams/${examId}/attempts`);
      expect(started.status).toBe(201);
      return started.body.id as string;
    };
    attempts.liuOnE = await start(tokens.liu, exams.E);
    attempts.zhouOnE = await start(tokens.zhou, exams.E);
    attempts.liuOnF = await start(tokens.liu, exams.F);
  });
  afterAll(() => api?.close());

  it('lists to an internal trainer the exams of their session, and opens those and the ones they sit only', async () => {
    const listed = await get(tokens.zhang, '/api/exams?perPage=100');
    expect(listed.status).toBe(200);
    // The one he sits is under his own exams, not among those he runs.
    expect(listed.body.data.map((e: { id: string }) => e.id)).toEqual([exams.E]);
    expect((await get(tokens.zhang, '/api/me/exams')).body.map((e: { exam: { id: string } }) => e.exam.id)).toEqual([
      exams.G,
    ]);
    expect((await get(tokens.zhang, `/api/exams/${exams.F}`)).status).toBe(404);
    expect((await get(tokens.zhang, `/api/exams/${exams.E}`)).status).toBe(200);
    expect((await get(tokens.zhang, `/api/exams/${exams.G}`)).status).toBe(200);
    // Staff who run the client's training still see all of them.
    for (const token of [trainer, managerA]) {
      const all = (await get(token, '/api/exams?perPage=100')).body.data.map((e: { id: string }) => e.id);
      expect(all).toEqual(expect.arrayContaining(Object.values(exams)));
    }
  });

  it('shows an attempt to its exam’s trainers and the candidate’s department head only', async () => {
    const status = async (token: string, attemptId: string) => (await get(token, `/api/attempts/${attemptId}`)).status;
    // 刘洋 is of 采购部, 周敏 of 财务部.
    expect(await status(managerA, attempts.liuOnE)).toBe(200);
    expect(await status(managerA, attempts.zhouOnE)).toBe(404);
    expect(await status(tokens.chen, attempts.zhouOnE)).toBe(200);
    expect(await status(tokens.chen, attempts.liuOnE)).toBe(404);
    // The session's lead reads the attempts on its exam, not those on another exam.
    expect(await status(tokens.zhang, attempts.liuOnE)).toBe(200);
    expect(await status(tokens.zhang, attempts.liuOnF)).toBe(404);
    // Fellow candidates read only their own.
    expect(await status(tokens.zhou, attempts.liuOnE)).toBe(404);
    expect(await status(tokens.zhou, attempts.zhouOnE)).toBe(200);
    // Client B's vendor trainer and manager see nothing of client A.
    for (const user of [world.trainerB, world.managerB])
      expect(await status(await api.login(user.email), attempts.liuOnE)).toBe(404);
    expect(await status(trainer, attempts.zhouOnE)).toBe(200);
  });

  it('shows roles as they apply now: a qualified client user trains, the granted roles stay apart', async () => {
    const zhang = await get(admin, `/api/users/${ids.zhang}`);
    expect(zhang.body).toMatchObject({ roles: ['trainee'], effectiveRoles: ['trainee', 'trainer'] });
    const listed = await get(admin, `/api/users?q=刘洋`);
    expect(listed.body.data[0]).toMatchObject({ roles: ['trainee'], effectiveRoles: ['trainee'] });
    const login = await api.http().post('/api/auth/login').send({ email: emails.zhang, password: TEST_PASSWORD });
    expect(login.status).toBeLessThan(300);
    expect(login.body.user.effectiveRoles).toEqual(['trainee', 'trainer']);
  });

  it('lets a manager nominate the people of the departments they head only', async () => {
    const nominate = (token: string, userId: string) => post(token, '/api/qualifications', { trackId, userId });
    const refused = await nominate(managerA, ids.zhou);
    expect(refused.status).toBe(403);
    expect(
      Number(
        (await api.dataSource.query(`SELECT count(*) FROM qualification WHERE user_id = $1`, [ids.zhou]))[0].count,
      ),
    ).toBe(0);
    expect((await nominate(tokens.chen, ids.zhou)).status).toBe(201);
    expect((await nominate(managerA, ids.liu)).status).toBe(201);
  });

  it('shows an internal trainer the sheets of the sessions they train only, a manager every one', async () => {
    expect((await get(tokens.zhang, `/api/sessions/${sessionId}/attendance`)).status).toBe(200);
    expect((await get(tokens.zhang, `/api/sessions/${otherSessionId}/attendance`)).status).toBe(404);
    expect((await get(tokens.zhang, `/api/sessions/${otherSessionId}/attendance.xlsx`)).status).toBe(404);
    expect((await get(managerA, `/api/sessions/${otherSessionId}/attendance`)).status).toBe(200);
  });
});
