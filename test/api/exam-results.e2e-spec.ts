import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  binaryBody,
  createPlan,
  createWorld,
  eventually,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';
import ExcelJS from 'exceljs';

/** Answers by question type; a missing type is left unanswered. */
type Answers = Partial<Record<'single_choice' | 'true_false' | 'multiple_choice', unknown>>;

describe('exam results, item analysis and learning gain', () => {
  let api: TestApi;
  let world: World;
  let admin: string;
  let trainer: string;
  const questionIds: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [admin, trainer] = await Promise.all([world.admin, world.trainerA].map((u) => api.login(u.email)));
    for (const type of ['single_choice', 'true_false', 'multiple_choice'] as const) {
      const response = await api
        .http()
        .post('/api/questions')
        .set('authorization', trainer)
        .send({ organizationId: world.clientA.id, ...QUESTION_EXAMPLES[type], status: 'active' });
      expect(response.status).toBe(201);
      questionIds[type] = response.body.id;
    }
  });
  afterAll(() => api?.close());

  /** A trainee of client A, logged in. */
  const trainee = async (name: string) => {
    const email = `trainee-${Math.random().toString(36).slice(2, 10)}@example.test`;
    const created = await api
      .http()
      .post('/api/users')
      .set('authorization', admin)
      .send({
        organizationId: world.clientA.id,
        departmentId: world.departmentA.id,
        email,
        name,
        roles: ['trainee'],
        password: 'a-good-password',
      });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, name, token: await api.login(email, 'a-good-password') };
  };

  const createExam = async (body: Record<string, unknown>) => {
    const response = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        kind: 'practice',
        questionIds: Object.values(questionIds),
        timeLimitMinutes: 30,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        ...body,
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  /** Starts, answers, submits and waits until the queue has finalised the attempt. */
  const sit = async (examId: string, token: string, answers: Answers) => {
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', token)).body;
    for (const [type, response] of Object.entries(answers)) {
      const saved = await api
        .http()
        .put(`/api/attempts/${attempt.id}/answers/${questionIds[type]}`)
        .set('authorization', token)
        .send({ response, seq: 1 });
      expect(saved.status).toBe(200);
    }
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', token);
    return eventually(
      async () => {
        const view = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', token)).body;
        return view.status === 'finalized' ? view : undefined;
      },
      20_000,
      'the attempt to be finalised',
    );
  };

  const get = (token: string, path: string) => api.http().get(path).set('authorization', token);

  describe('one exam sat by six trainees', () => {
    let examId: string;
    let people: { id: string; name: string; token: string }[];

    // single_choice: 2 points (A), true_false: 1 point (false), multiple_choice: 4 points, partial (A+B).
    //          S  TF  M   total  percent
    // 甲       2   1  4    7     100
    // 乙       2   0  4    6      85.71
    // 丙       0   1  4    5      71.43
    // 丁       0   0  4    4      57.14
    // 戊       2   1  0    3      42.86
    // 己       0   0  0    0       0
    const sheet: [string, Answers][] = [
      ['甲', { single_choice: 'A', true_false: false, multiple_choice: ['A', 'B'] }],
      ['乙', { single_choice: 'A', true_false: true, multiple_choice: ['A', 'B'] }],
      ['丙', { single_choice: 'B', true_false: false, multiple_choice: ['B', 'A'] }],
      ['丁', { single_choice: 'C', true_false: true, multiple_choice: ['A', 'B'] }],
      ['戊', { single_choice: 'A', true_false: false, multiple_choice: ['C', 'D'] }],
      ['己', {}],
    ];

    beforeAll(async () => {
      people = [];
      for (const [name] of sheet) people.push(await trainee(name));
      examId = await createExam({
        title: '采购与收货随堂测验',
        assignees: { userIds: [...people.map((p) => p.id), world.traineeA.id] },
      });
      for (const [i, [, answers]] of sheet.entries()) await sit(examId, people[i].token, answers);
      // One more assigned trainee starts and has not handed in yet.
      const open = await api
        .http()
        .post(`/api/exams/${examId}/attempts`)
        .set('authorization', await api.login(world.traineeA.email));
      expect(open.status).toBe(201);
    });

    it('lists every attempt with score, percent, pass, time taken and department, and sums them up', async () => {
      const response = await get(await api.login(world.managerA.email), `/api/exams/${examId}/results`);
      expect(response.status).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({
        examId,
        title: '采购与收货随堂测验',
        passPercent: 60,
        assigned: 7,
        attempted: 7,
        finalized: 6,
        passed: 3,
        // (100 + 85.71 + 71.43 + 57.14 + 42.86 + 0) / 6
        averagePercent: 59.52,
      });
      expect(view.rows).toHaveLength(7);
      const byName = (name: string) => view.rows.find((r: { userName: string }) => r.userName === name);
      expect(byName('乙')).toMatchObject({
        status: 'finalized',
        score: 6,
        maxScore: 7,
        percent: 85.71,
        passed: true,
        department: '采购部',
        number: 1,
      });
      expect(byName('丁')).toMatchObject({ score: 4, percent: 57.14, passed: false });
      expect(byName('己')).toMatchObject({ score: 0, percent: 0, passed: false });
      const row = byName('甲');
      expect(row.username).toMatch(/^trainee-.*@example\.test$/);
      expect(row.timeTakenSeconds).toBeGreaterThanOrEqual(0);
      expect(row.timeTakenSeconds).toBeLessThan(120);
      expect(row.timeTakenSeconds).toBe(
        Math.round((new Date(row.submittedAt).getTime() - new Date(row.startedAt).getTime()) / 1000),
      );
      const open = view.rows.find((r: { userId: string }) => r.userId === world.traineeA.id);
      expect(open).toMatchObject({
        status: 'in_progress',
        score: null,
        percent: null,
        passed: null,
        submittedAt: null,
        timeTakenSeconds: null,
      });
    });

    it('analyses each question and the exam, with numbers worked out by hand', async () => {
      const response = await get(trainer, `/api/exams/${examId}/item-analysis`);
      expect(response.status).toBe(200);
      const view = response.body;
      expect(view.attempts).toBe(6);
      expect(view.meanPercent).toBe(59.52);
      // Every answer was right or wrong, so KR-20 on 1/0:
      //   p = 3/6, 3/6, 4/6 → Σpq = 1/4 + 1/4 + 2/9 = 13/18
      //   totals 3,2,2,1,2,0 → mean 5/3, variance 8/9
      //   KR-20 = 3/2 · (1 − (13/18)/(8/9)) = 3/2 · 3/16 = 9/32 = 0.28125
      expect(view.reliability).toEqual({ method: 'kr20', value: 0.281 });
      expect(view.distribution.map((b: { count: number }) => b.count)).toEqual([1, 0, 0, 0, 1, 1, 0, 1, 1, 1]);
      expect(view.items.map((i: { questionId: string }) => i.questionId)).toEqual(Object.values(questionIds));
      const item = (type: string) => view.items.find((i: { questionId: string }) => i.questionId === questionIds[type]);
      // Upper 27% of six = 2 (甲 100, 乙 85.71); lower 2 (己 0, 戊 42.86).
      expect(item('single_choice')).toMatchObject({
        type: 'single_choice',
        businessProcess: QUESTION_EXAMPLES.single_choice.businessProcess,
        difficulty: 2,
        responses: 6,
        facility: 0.5,
        discrimination: 0.5, // upper 2/2, lower 1/2
        expectedFacility: { min: 0.7, max: 0.9 },
        flag: 'harder_than_labelled',
      });
      expect(item('true_false')).toMatchObject({
        difficulty: 1,
        facility: 0.5,
        discrimination: 0, // upper 1/2, lower 1/2
        expectedFacility: { min: 0.85, max: 1 },
        flag: 'harder_than_labelled',
      });
      expect(item('multiple_choice')).toMatchObject({
        difficulty: 3,
        facility: 0.667,
        discrimination: 1, // upper 2/2, lower 0/2
        expectedFacility: { min: 0.5, max: 0.75 },
        flag: null,
      });
    });

    it('exports the results as a spreadsheet with Chinese and English headers', async () => {
      const response = await get(trainer, `/api/exams/${examId}/results.xlsx`).buffer(true).parse(binaryBody);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toContain(encodeURIComponent('采购与收货随堂测验'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as never);
      const results = workbook.getWorksheet('成绩 Results')!;
      const header = results.getRow(1).values as unknown[];
      expect(header).toContain('姓名 Name');
      expect(header).toContain('得分率(%) Percent');
      expect(results.rowCount).toBe(8);
      const rows = results.getSheetValues().slice(2) as unknown[][];
      const second = rows.find((r) => r[1] === '乙')!;
      expect(second.slice(1, 10)).toEqual([
        '乙',
        expect.stringMatching(/@example\.test$/),
        '采购部',
        1,
        '已完成 finalized',
        6,
        7,
        85.71,
        '通过 passed',
      ]);
      expect(second[10]).toBeInstanceOf(Date);
      const summary = workbook.getWorksheet('概况 Summary')!;
      expect(summary.getRow(3).values).toEqual([undefined, '应考人数 Assigned', 7]);
      expect(summary.getRow(7).values).toEqual([undefined, '平均得分率(%) Average percent', 59.52]);
    });

    it('shows results only to staff of that client: another client 404, a trainee 403', async () => {
      const [managerB, trainerB, traineeToken] = await Promise.all([
        api.login(world.managerB.email),
        api.login(world.trainerB.email),
        api.login(world.traineeA.email),
      ]);
      for (const path of ['results', 'results.xlsx', 'item-analysis']) {
        expect({ path, status: (await get(managerB, `/api/exams/${examId}/${path}`)).status }).toEqual({
          path,
          status: 404,
        });
        expect({ path, status: (await get(trainerB, `/api/exams/${examId}/${path}`)).status }).toEqual({
          path,
          status: 404,
        });
        expect({ path, status: (await get(traineeToken, `/api/exams/${examId}/${path}`)).status }).toEqual({
          path,
          status: 403,
        });
        expect((await get(admin, `/api/exams/${examId}/${path}`)).status).toBe(200);
      }
      expect((await get(trainer, `/api/exams/not-a-uuid/results`)).status).toBe(404);
    });
  });

  it('an exam nobody has finished has empty statistics, not errors', async () => {
    const examId = await createExam({ title: '无人作答', assignees: { userIds: [world.traineeA2.id] } });
    const results = (await get(trainer, `/api/exams/${examId}/results`)).body;
    expect(results).toMatchObject({
      assigned: 1,
      attempted: 0,
      finalized: 0,
      passed: 0,
      averagePercent: null,
      rows: [],
    });
    const analysis = (await get(trainer, `/api/exams/${examId}/item-analysis`)).body;
    expect(analysis).toMatchObject({ attempts: 0, meanPercent: null, reliability: { value: null } });
    expect(analysis.items).toHaveLength(3);
    expect(analysis.items[0]).toMatchObject({ responses: 0, facility: null, discrimination: null, flag: null });
    expect(analysis.distribution.every((b: { count: number }) => b.count === 0)).toBe(true);
  });

  it('gives the learning gain of a plan per trainee and per business process', async () => {
    const plan = await createPlan(api, world, trainer, { title: '学习增益计划' });
    const [p1, p2, p3] = [await trainee('钱一'), await trainee('孙二'), await trainee('李三')];
    // Pre- and post-test on the single choice (采购, 2 points) and the true/false (仓储, 1 point).
    const pair = [questionIds.single_choice, questionIds.true_false];
    const everyone = { userIds: [p1.id, p2.id, p3.id] };
    const preId = await createExam({
      title: '前测',
      kind: 'pre_test',
      planId: plan.id,
      questionIds: pair,
      attemptsAllowed: 2,
      assignees: everyone,
    });
    const postId = await createExam({
      title: '后测',
      kind: 'post_test',
      planId: plan.id,
      questionIds: pair,
      assignees: everyone,
    });
    //            pre (S, TF)          post (S, TF)
    // 钱一    0+1 = 1/3 33.33, then 0   2+1 = 100
    // 孙二    2+0 = 2/3 66.67           2+0 = 66.67
    // 李三    2+1 = 100                 —
    await sit(preId, p1.token, { single_choice: 'B', true_false: false });
    await sit(preId, p1.token, { single_choice: 'B', true_false: true });
    await sit(preId, p2.token, { single_choice: 'A', true_false: true });
    await sit(preId, p3.token, { single_choice: 'A', true_false: false });
    await sit(postId, p1.token, { single_choice: 'A', true_false: false });
    await sit(postId, p2.token, { single_choice: 'A', true_false: true });

    // The best finalised attempt comes first, the retake after it.
    const pre = (await get(trainer, `/api/exams/${preId}/results`)).body;
    expect(
      pre.rows
        .filter((r: { userId: string }) => r.userId === p1.id)
        .map((r: { number: number; percent: number }) => [r.number, r.percent]),
    ).toEqual([
      [1, 33.33],
      [2, 0],
    ]);

    const manager = await api.login(world.managerA.email);
    const response = await get(manager, `/api/training-plans/${plan.id}/learning-gain`);
    expect(response.status).toBe(200);
    const view = response.body;
    expect(view).toMatchObject({ planId: plan.id, preTestId: preId, postTestId: postId });
    const of = (id: string) => view.trainees.find((t: { userId: string }) => t.userId === id);
    expect(of(p1.id)).toMatchObject({
      userName: '钱一',
      prePercent: 33.33,
      postPercent: 100,
      gain: 66.67,
      normalizedGain: 1,
    });
    expect(of(p2.id)).toMatchObject({ prePercent: 66.67, postPercent: 66.67, gain: 0, normalizedGain: 0 });
    expect(of(p3.id)).toMatchObject({ prePercent: 100, postPercent: null, gain: null, normalizedGain: null });
    expect(view.trainees).toHaveLength(3);
    expect(view.averageGain).toBeCloseTo(33.33, 1);
    // Pooled over 钱一 and 孙二 (李三 sat only the pre-test):
    //   采购 pre (0 + 2) / 4 = 50, post (2 + 2) / 4 = 100; 仓储 pre (1 + 0) / 2 = 50, post (1 + 0) / 2 = 50
    const process = (name: string) =>
      view.processes.find((p: { businessProcess: string }) => p.businessProcess === name);
    expect(view.processes).toHaveLength(2);
    expect(process(QUESTION_EXAMPLES.single_choice.businessProcess)).toEqual({
      businessProcess: QUESTION_EXAMPLES.single_choice.businessProcess,
      prePercent: 50,
      postPercent: 100,
      gain: 50,
    });
    expect(process(QUESTION_EXAMPLES.true_false.businessProcess)).toMatchObject({
      prePercent: 50,
      postPercent: 50,
      gain: 0,
    });

    const [managerB, traineeToken] = await Promise.all([
      api.login(world.managerB.email),
      api.login(world.traineeA.email),
    ]);
    expect((await get(managerB, `/api/training-plans/${plan.id}/learning-gain`)).status).toBe(404);
    expect((await get(traineeToken, `/api/training-plans/${plan.id}/learning-gain`)).status).toBe(403);

    // 孙二 moves to finance, headed by someone else: managers name only their own departments'
    // people, while the averages still cover everyone.
    const financeHead = await trainee('财务经理');
    await api.dataSource.query(`UPDATE app_user SET roles = '{manager}' WHERE id = $1`, [financeHead.id]);
    const finance = await api
      .http()
      .post('/api/departments')
      .set('authorization', admin)
      .send({ organizationId: world.clientA.id, name: '财务部', managerId: financeHead.id });
    expect(finance.status).toBe(201);
    const moved = await api
      .http()
      .patch(`/api/users/${p2.id}`)
      .set('authorization', admin)
      .send({ departmentId: finance.body.id });
    expect(moved.status).toBe(200);
    const named = async (token: string) => {
      const gain = await get(token, `/api/training-plans/${plan.id}/learning-gain`);
      expect(gain.status).toBe(200);
      expect(gain.body.averageGain).toBeCloseTo(33.33, 1);
      return gain.body.trainees.map((t: { userName: string }) => t.userName).sort();
    };
    expect(await named(manager)).toEqual(['李三', '钱一'].sort());
    // Actors are looked up on every request, so the token picks up the new role at once.
    expect(await named(financeHead.token)).toEqual(['孙二']);
    expect(await named(trainer)).toHaveLength(3);

    // A plan with no tests linked answers empty, not an error.
    const bare = await createPlan(api, world, trainer, { title: '没有测验的计划' });
    expect((await get(trainer, `/api/training-plans/${bare.id}/learning-gain`)).body).toEqual({
      planId: bare.id,
      preTestId: null,
      postTestId: null,
      trainees: [],
      processes: [],
      averageGain: null,
    });
  });
});
