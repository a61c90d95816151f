import {
  createPlan,
  createSession,
  createWorld,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

describe('problems found in training', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainee: string;
  let manager: string;
  let sessionId: string;
  let planId: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainee, manager] = await Promise.all(
      [world.trainerA, world.traineeA, world.managerA].map((u) => api.login(u.email)),
    );
    const plan = await createPlan(api, world, trainer);
    planId = plan.id;
    const session = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(60),
      endsAt: minutesFromNow(120),
    });
    sessionId = session.id;
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
  });
  afterAll(() => api?.close());

  it('records a problem from a session and walks it through the workflow', async () => {
    const created = await api.http().post('/api/training-issues').set('authorization', trainee).send({
      sessionId,
      category: 'software_defect',
      severity: 'high',
      title: '收货单无法保存',
      description: '数量超过订单时报错 500',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      planId,
      sessionId,
      status: 'open',
      reporterId: world.traineeA.id,
      organizationId: world.clientA.id,
    });
    const id = created.body.id;
    const move = (token: string, action: string, body: object = {}) =>
      api.http().post(`/api/training-issues/${id}/${action}`).set('authorization', token).send(body);
    expect((await move(trainee, 'start')).status).toBe(403);
    const assigned = await api
      .http()
      .patch(`/api/training-issues/${id}`)
      .set('authorization', trainer)
      .send({ assigneeId: world.trainerA.id });
    expect(assigned.body.assigneeId).toBe(world.trainerA.id);
    expect((await move(trainer, 'start')).body.status).toBe('in_progress');
    expect((await move(trainer, 'resolve', {})).status).toBe(400);
    expect((await move(trainer, 'resolve', { resolution: '补丁 1.2.3 已修复' })).body).toMatchObject({
      status: 'resolved',
      resolution: '补丁 1.2.3 已修复',
    });
    const again = await move(trainer, 'start');
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('resolved');
    expect((await move(manager, 'reopen')).body).toMatchObject({ status: 'open', resolution: null });
    expect((await move(manager, 'defer', { resolution: '二期处理' })).body.status).toBe('deferred');
  });

  it('filters by plan, session, category and status; trainees see their own reports', async () => {
    await api.http().post('/api/training-issues').set('authorization', trainer).send({
      planId,
      category: 'requirement_change',
      severity: 'medium',
      title: '需要批量收货',
      description: '仓库希望一次收多张单',
    });
    const byCategory = await api
      .http()
      .get(`/api/training-issues?planId=${planId}&category=requirement_change`)
      .set('authorization', manager);
    expect(byCategory.body.data.map((i: { title: string }) => i.title)).toEqual(['需要批量收货']);
    const bySession = await api
      .http()
      .get(`/api/training-issues?sessionId=${sessionId}&status=deferred`)
      .set('authorization', manager);
    expect(bySession.body.total).toBe(1);
    const mine = await api.http().get('/api/training-issues').set('authorization', trainee);
    expect(mine.body.data.every((i: { reporterId: string }) => i.reporterId === world.traineeA.id)).toBe(true);
  });

  it('refuses bad input', async () => {
    const base = { category: 'data', severity: 'low', title: 't', description: 'd' };
    expect((await api.http().post('/api/training-issues').set('authorization', trainee).send(base)).status).toBe(422);
    expect(
      (
        await api
          .http()
          .post('/api/training-issues')
          .set('authorization', trainer)
          .send({ ...base, category: 'gossip', planId })
      ).status,
    ).toBe(400);
    expect(
      (
        await api
          .http()
          .post('/api/training-issues')
          .set('authorization', trainer)
          .send({ ...base, severity: 'apocalyptic', planId })
      ).status,
    ).toBe(400);
    const other = await api.login(world.traineeA2.email);
    expect(
      (
        await api
          .http()
          .post('/api/training-issues')
          .set('authorization', other)
          .send({ ...base, sessionId })
      ).status,
    ).toBe(404);
    const created = await api
      .http()
      .post('/api/training-issues')
      .set('authorization', trainer)
      .send({ ...base, planId });
    expect(
      (
        await api
          .http()
          .patch(`/api/training-issues/${created.body.id}`)
          .set('authorization', trainer)
          .send({ assigneeId: world.traineeB.id })
      ).status,
    ).toBe(422);
  });

  it('refuses control characters in any text field or query with 400 naming the field', async () => {
    const base = { category: 'data', severity: 'low', title: '对账差异', description: 'd', planId };
    const refused = async (body: Record<string, unknown>) => {
      const response = await api.http().post('/api/training-issues').set('authorization', trainer).send(body);
      return { status: response.status, fields: response.body.errors?.map((e: { field: string }) => e.field) };
    };
    expect(await refused({ ...base, title: '对账\u0000差异' })).toEqual({ status: 400, fields: ['title'] });
    expect(await refused({ ...base, description: 'line\u001b[31m' })).toEqual({ status: 400, fields: ['description'] });
    expect(await refused({ ...base, ['x\u0000']: 'y' })).toEqual({ status: 400, fields: ['x\\u0000'] });
    const list = await api.http().get('/api/training-issues').query({ q: 'a\u0000' }).set('authorization', trainer);
    expect({ status: list.status, fields: list.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
      status: 400,
      fields: ['q'],
    });
    // Multi-line text keeps its tabs and line breaks.
    const created = await api
      .http()
      .post('/api/training-issues')
      .set('authorization', trainer)
      .send({ ...base, description: '步骤：\r\n1.\t打开\n2.\t保存' });
    expect(created.status).toBe(201);
    expect(created.body.description).toBe('步骤：\r\n1.\t打开\n2.\t保存');
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM training_issue WHERE title LIKE '对账%'`,
    );
    expect(n).toBe(1);
  });
});
