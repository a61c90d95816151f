import { binaryBody, createPlan, createWorld, startTestApi, TestApi, World } from '@cascade/server/testing';

describe('training plans', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let managerA: string;
  let managerB: string;
  let trainee: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, managerA, managerB, trainee] = await Promise.all(
      [world.trainerA, world.managerA, world.managerB, world.traineeA].map((u) => api.login(u.email)),
    );
  });
  afterAll(() => api?.close());

  it('states every part of a complete plan', async () => {
    const plan = await createPlan(api, world, trainer);
    expect(plan).toMatchObject({
      status: 'draft',
      revision: 0,
      signInMethod: 'qr',
      defaultLocation: '一号会议室',
      trainerIds: [world.trainerA.id],
      targets: [{ userId: world.traineeA.id, kind: 'key_user', businessProcess: '采购 / 下单' }],
    });
    expect(plan.modules.map((m) => [m.position, m.businessProcess, m.durationMinutes])).toEqual([
      [0, '采购 / 下单', 90],
      [1, '仓储 / 收货', 120],
    ]);
  });

  it('walks the workflow: submit, return with a comment, submit, confirm, start, complete', async () => {
    const plan = await createPlan(api, world, trainer);
    const act = (token: string, action: string, body: object = {}) =>
      api.http().post(`/api/training-plans/${plan.id}/${action}`).set('authorization', token).send(body);

    expect((await act(trainer, 'confirm')).status).toBe(403);
    const early = await act(managerA, 'confirm');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PLAN_TRANSITION_INVALID', currentStatus: 'draft' });
    expect((await act(trainer, 'submit')).body.status).toBe('pending_confirmation');
    expect((await act(managerA, 'return', {})).status).toBe(400);
    const returned = await act(managerA, 'return', { comment: '请补充财务模块' });
    expect(returned.body).toMatchObject({ status: 'draft', returnComment: '请补充财务模块' });
    await act(trainer, 'submit');
    // Another client's manager cannot even see it.
    expect((await act(managerB, 'confirm')).status).toBe(404);
    const confirmed = await act(managerA, 'confirm', { comment: '同意' });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: world.managerA.id });
    expect((await act(trainer, 'start')).body.status).toBe('in_progress');
    expect((await act(trainer, 'complete')).body.status).toBe('completed');
    const edit = await api
      .http()
      .patch(`/api/training-plans/${plan.id}`)
      .set('authorization', trainer)
      .send({ title: 'x', reason: 'y' });
    expect(edit.status).toBe(409);
    expect((await act(trainer, 'cancel', { reason: 'late' })).body.currentStatus).toBe('completed');
  });

  it('never edits a confirmed plan silently: a change needs a reason, keeps a revision with a diff, and goes back for confirmation', async () => {
    const plan = await createPlan(api, world, trainer);
    await api.http().post(`/api/training-plans/${plan.id}/submit`).set('authorization', trainer);
    await api.http().post(`/api/training-plans/${plan.id}/confirm`).set('authorization', managerA).send({});

    const noReason = await api
      .http()
      .patch(`/api/training-plans/${plan.id}`)
      .set('authorization', trainer)
      .send({ defaultLocation: '二号会议室' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].field).toBe('reason');

    const modules = plan.modules.map((m) => ({ ...m, durationMinutes: m.durationMinutes + 30 }));
    const changed = await api
      .http()
      .patch(`/api/training-plans/${plan.id}`)
      .set('authorization', trainer)
      .send({
        defaultLocation: '二号会议室',
        modules: modules.map(({ position: _p, ...m }) => m),
        reason: '一号会议室装修',
      });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'pending_confirmation', revision: 1, defaultLocation: '二号会议室' });
    expect(changed.body.modules.map((m: { id: string }) => m.id)).toEqual(plan.modules.map((m) => m.id));

    await api
      .http()
      .post(`/api/training-plans/${plan.id}/confirm`)
      .set('authorization', managerA)
      .send({ comment: '可以' });
    const revisions = await api.http().get(`/api/training-plans/${plan.id}/revisions`).set('authorization', managerA);
    expect(revisions.body.total).toBe(1);
    const [revision] = revisions.body.data;
    expect(revision).toMatchObject({
      number: 1,
      reason: '一号会议室装修',
      requestedBy: world.trainerA.id,
      status: 'confirmed',
      decidedBy: world.managerA.id,
      comment: '可以',
    });
    expect(revision.changes).toEqual(
      expect.arrayContaining([
        { field: 'defaultLocation', before: '一号会议室', after: '二号会议室' },
        { field: 'modules[采购下单].durationMinutes', before: 90, after: 120 },
        { field: 'modules[收货与质检].durationMinutes', before: 120, after: 150 },
      ]),
    );
  });

  it('renders the plan as a PDF with Chinese text and a sign-off block', async () => {
    const plan = await createPlan(api, world, trainer);
    await api.http().post(`/api/training-plans/${plan.id}/submit`).set('authorization', trainer);
    await api.http().post(`/api/training-plans/${plan.id}/confirm`).set('authorization', managerA).send({});
    const pdf = await api
      .http()
      .get(`/api/training-plans/${plan.id}/document.pdf`)
      .set('authorization', managerA)
      .buffer(true)
      .parse(binaryBody);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    // The CJK font is embedded, so Chinese glyphs are drawn rather than left as empty boxes.
    expect(body.toString('latin1')).toContain('WenQuanYiMicroHei');
  });

  it('refuses bad references and bad shapes', async () => {
    const bad = async (overrides: Record<string, unknown>, status: number, field: string) => {
      const response = await api
        .http()
        .post('/api/training-plans')
        .set('authorization', trainer)
        .send({
          organizationId: world.clientA.id,
          title: 't',
          goals: 'g',
          assessmentMethod: 'a',
          signInMethod: 'qr',
          ...overrides,
        });
      expect({ overrides, status: response.status }).toEqual({ overrides, status });
      expect(response.body.errors.map((e: { field: string }) => e.field).join(' ')).toContain(field);
    };
    await bad({ signInMethod: 'telepathy' }, 400, 'signInMethod');
    await bad(
      { modules: [{ businessProcess: 'x', title: 'y', durationMinutes: 1e9 }] },
      400,
      'modules.0.durationMinutes',
    );
    await bad(
      {
        modules: [
          {
            businessProcess: 'x',
            title: 'y',
            durationMinutes: 30,
            materials: [{ kind: 'link', title: 'z', url: 'javascript:alert(1)' }],
          },
        ],
      },
      400,
      'url',
    );
    await bad({ trainerIds: [world.trainerB.id] }, 422, 'trainerIds');
    await bad({ targets: [{ userId: world.traineeB.id, kind: 'key_user' }] }, 422, 'targets');
    await bad({ organizationId: world.vendor.id }, 422, 'organizationId');
    expect((await api.http().post('/api/training-plans').set('authorization', trainee).send({})).status).toBe(403);
    const draft = await createPlan(api, world, trainer);
    const nulled = await api
      .http()
      .patch(`/api/training-plans/${draft.id}`)
      .set('authorization', trainer)
      .send({ title: null });
    expect(nulled.status).toBe(400);
    expect(nulled.body.errors).toEqual([{ field: 'title', message: 'must not be null' }]);
    expect((await api.http().get(`/api/training-plans/${draft.id}`).set('authorization', trainer)).body.title).toBe(
      draft.title,
    );
  });

  it('shows trainees only the plans that concern them', async () => {
    const list = await api.http().get('/api/training-plans').set('authorization', trainee);
    expect(list.status).toBe(200);
    expect(
      list.body.data.every((p: { targets: { userId: string }[] }) =>
        p.targets.some((t) => t.userId === world.traineeA.id),
      ),
    ).toBe(true);
    const other = await createPlan(api, world, trainer, { targets: [] });
    expect((await api.http().get(`/api/training-plans/${other.id}`).set('authorization', trainee)).status).toBe(404);
  });
});
