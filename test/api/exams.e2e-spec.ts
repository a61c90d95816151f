import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { createPlan, createWorld, startTestApi, TestApi, World } from '@cascade/server/testing';

describe('exams: fixed lists and blueprints', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainee: string;
  let questionIds: string[];
  let planId: string;

  const window = { opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-01T18:00:00+08:00' };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainee] = await Promise.all([world.trainerA, world.traineeA].map((u) => api.login(u.email)));
    planId = (await createPlan(api, world, trainer)).id;
    questionIds = [];
    // Three active single-choice questions of 采购 / 下单 at difficulty 2, and one draft.
    for (const status of ['active', 'active', 'active', 'draft']) {
      const { type, content, key, stem, points, difficulty, businessProcess } = QUESTION_EXAMPLES.single_choice;
      const response = await api.http().post('/api/questions').set('authorization', trainer).send({
        organizationId: world.clientA.id,
        type,
        content,
        key,
        stem,
        points,
        difficulty,
        businessProcess,
        status,
      });
      expect(response.status).toBe(201);
      questionIds.push(response.body.id);
    }
  });
  afterAll(() => api?.close());

  const base = () => ({
    organizationId: world.clientA.id,
    title: '采购后测',
    kind: 'post_test',
    timeLimitMinutes: 30,
    passPercent: 80,
    ...window,
  });

  it('creates an exam from a fixed list of active questions, assigned to a plan’s trainees', async () => {
    const created = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        ...base(),
        planId,
        questionIds: questionIds.slice(0, 3),
        assignees: { planTrainees: true },
        attemptsAllowed: 2,
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'post_test',
      blueprint: null,
      attemptsAllowed: 2,
      showResults: 'after_close',
      assignees: { planTrainees: true, sessionEnrollees: false, userIds: [] },
    });
    // The plan targets trainee A, so the exam is theirs to see; another trainee's is not.
    expect((await api.http().get(`/api/exams/${created.body.id}`).set('authorization', trainee)).status).toBe(200);
    const other = await api.login(world.traineeA2.email);
    expect((await api.http().get(`/api/exams/${created.body.id}`).set('authorization', other)).status).toBe(404);
  });

  it('refuses a draft question, an empty choice of questions, or both ways at once', async () => {
    const draft = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({ ...base(), questionIds: [questionIds[3]] });
    expect(draft.status).toBe(422);
    expect(draft.body.errors[0].field).toBe('questionIds');
    const neither = await api.http().post('/api/exams').set('authorization', trainer).send(base());
    expect(neither.status).toBe(422);
    const both = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        ...base(),
        questionIds: [questionIds[0]],
        blueprint: [{ businessProcess: '采购 / 下单', difficulty: 2, count: 1 }],
      });
    expect(both.status).toBe(422);
  });

  it('refuses a blueprint that needs more active questions than a cell has, naming the cell', async () => {
    const short = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        ...base(),
        blueprint: [
          { businessProcess: '采购 / 下单', difficulty: 2, count: 3 },
          { businessProcess: '采购 / 下单', difficulty: 4, count: 1 },
        ],
      });
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([
      { field: 'blueprint.1', message: 'needs 1 active questions of 采购 / 下单 at difficulty 4; the bank has 0' },
    ]);
  });

  it('shows availability per cell', async () => {
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({ ...base(), blueprint: [{ businessProcess: '采购 / 下单', difficulty: 2, count: 2, points: 5 }] });
    expect(exam.status).toBe(201);
    const check = await api.http().get(`/api/exams/${exam.body.id}/blueprint-check`).set('authorization', trainer);
    expect(check.body).toEqual({
      examId: exam.body.id,
      sufficient: true,
      cells: [{ businessProcess: '采购 / 下单', difficulty: 2, count: 2, points: 5, available: 3, sufficient: true }],
    });
    // Retiring questions later shows the shortage without blocking the existing exam.
    for (const id of questionIds.slice(0, 2)) {
      expect(
        (await api.http().patch(`/api/questions/${id}`).set('authorization', trainer).send({ status: 'retired' }))
          .status,
      ).toBe(200);
    }
    const after = await api.http().get(`/api/exams/${exam.body.id}/blueprint-check`).set('authorization', trainer);
    expect(after.body).toMatchObject({ sufficient: false, cells: [{ available: 1, sufficient: false }] });
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'quiz' }, 'kind'],
      [{ passPercent: 120 }, 'passPercent'],
      [{ timeLimitMinutes: 1e12 }, 'timeLimitMinutes'],
      [{ opensAt: '2026-12-01T09:00:00' }, 'opensAt'],
      [{ blueprint: [{ businessProcess: 'x', difficulty: 9, count: 1 }] }, 'blueprint.0.difficulty'],
      [{ questionIds: ['not-a-uuid'] }, 'questionIds'],
    ];
    for (const [overrides, field] of cases) {
      const response = await api
        .http()
        .post('/api/exams')
        .set('authorization', trainer)
        .send({ ...base(), ...overrides });
      expect({ overrides, status: response.status }).toEqual({ overrides, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await api.http().post('/api/exams').set('authorization', trainee).send(base())).status).toBe(403);
  });
});
