import { QUESTION_TYPES, QuestionType, QuestionVersionView, QuestionView, ScenarioView } from '@cascade/contracts';
import { RequestContext } from '@cascade/server/core';
import { QUESTION_EXAMPLES, QuestionsService } from '@cascade/server/questions';
import { createWorld, startTestApi, TestApi, World } from '@cascade/server/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题目');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the business-scenario question bank', () => {
  let api: TestApi;
  let world: World;
  let admin: string;
  let trainerA: string;
  let trainerB: string;
  let managerA: string;
  let traineeA: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [admin, trainerA, trainerB, managerA, traineeA] = await Promise.all(
      [world.admin, world.trainerA, world.trainerB, world.managerA, world.traineeA].map((u) => api.login(u.email)),
    );
  });
  afterAll(() => api?.close());

  const post = (token: string, path: string, body: object) =>
    api.http().post(path).set('authorization', token).send(body);
  const patch = (token: string, path: string, body: object) =>
    api.http().patch(path).set('authorization', token).send(body);
  const get = (token: string, path: string) => api.http().get(path).set('authorization', token);
  const questionBody = (type: QuestionType, organizationId = world.clientA.id, extra: object = {}) => ({
    organizationId,
    ...structuredClone(QUESTION_EXAMPLES[type]),
    ...extra,
  });
  const createQuestion = async (token: string, body: object): Promise<QuestionView> => {
    const response = await post(token, '/api/questions', body);
    if (response.status !== 201) throw new Error(`question: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const createScenario = async (token: string, body: object): Promise<ScenarioView> => {
    const response = await post(token, '/api/scenarios', body);
    if (response.status !== 201) throw new Error(`scenario: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const freeze = (ids: string[]): Promise<QuestionVersionView[]> =>
    RequestContext.runAsSystem(() => api.app.get(QuestionsService).freezeForAttempt(ids));
  const countQuestions = async () => Number((await api.dataSource.query('SELECT count(*) FROM question'))[0].count);

  it('creates a question of every type, with its first version', async () => {
    for (const type of QUESTION_TYPES) {
      const question = await createQuestion(
        trainerA,
        questionBody(type, world.clientA.id, { tags: [' 收货 ', '收货', '基础'] }),
      );
      expect(question).toMatchObject({
        type,
        organizationId: world.clientA.id,
        content: QUESTION_EXAMPLES[type].content,
        key: QUESTION_EXAMPLES[type].key,
        points: QUESTION_EXAMPLES[type].points,
        status: 'draft',
        version: 1,
        tags: ['收货', '基础'],
        createdBy: world.trainerA.id,
      });
      const versions = await get(trainerA, `/api/questions/${question.id}/versions`);
      expect(versions.body).toMatchObject({
        total: 1,
        data: [{ version: 1, usedAt: null, key: QUESTION_EXAMPLES[type].key }],
      });
      const traineeView = await get(trainerA, `/api/questions/${question.id}/trainee-view`);
      expect(traineeView.status).toBe(200);
      expect(traineeView.body).toMatchObject({
        questionId: question.id,
        version: 1,
        type,
        stem: QUESTION_EXAMPLES[type].stem,
      });
      expect(traineeView.body).not.toHaveProperty('key');
    }
    const audit = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE entity = 'Question' AND action = 'create' AND organization_id = $1`,
      [world.clientA.id],
    );
    expect(audit[0].n).toBeGreaterThanOrEqual(QUESTION_TYPES.length);
  });

  it('answers 400 naming the field for a wrong shape of every type', async () => {
    const wrong: [QuestionType, (body: Record<string, unknown>) => void, string][] = [
      ['single_choice', (b) => (b.key = { correct: 'Z' }), 'key.correct'],
      [
        'single_choice',
        (b) => ((b.content as { options: object[] }).options[2] = { text: '没有编号' }),
        'content.options.2.id',
      ],
      ['multiple_choice', (b) => (b.key = { correct: ['A'], scoring: 'generous' }), 'key.scoring'],
      ['true_false', (b) => (b.key = { correct: 'yes' }), 'key.correct'],
      ['fill_in', (b) => (b.content = { blanks: 3 }), 'key.accepted'],
      ['ordering', (b) => (b.key = { order: ['A', 'B'] }), 'key.order'],
      ['matching', (b) => (b.key = { pairs: [{ left: 'A', right: '9' }] }), 'key.pairs.0.right'],
      ['essay', (b) => (b.points = 12), 'key.rubric'],
    ];
    const before = await countQuestions();
    for (const [type, spoil, field] of wrong) {
      const body: Record<string, unknown> = questionBody(type);
      spoil(body);
      const response = await post(trainerA, '/api/questions', body);
      expect({
        type,
        status: response.status,
        fields: response.body.errors?.map((e: { field: string }) => e.field),
      }).toEqual({ type, status: 400, fields: [field] });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await countQuestions()).toBe(before);
  });

  it('refuses malformed bodies with 400, never 500', async () => {
    const base = questionBody('single_choice');
    const bad: [object, string][] = [
      [{ ...base, content: ['A'] }, 'content'],
      [{ ...base, content: 'A|B' }, 'content'],
      [{ ...base, key: undefined }, 'key'],
      [{ ...base, type: 'oral' }, 'type'],
      [{ ...base, difficulty: 6 }, 'difficulty'],
      [{ ...base, points: 0.25 }, 'points'],
      [{ ...base, points: 1.234 }, 'points'],
      [{ ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      [{ ...base, tags: ['x'.repeat(41)] }, 'tags'],
      [{ ...base, businessProcess: 'x'.repeat(101) }, 'businessProcess'],
      [{ ...base, secret: 1 }, 'secret'],
      [
        {
          ...base,
          content: {
            options: [
              { id: 'A', text: 'x', correct: true },
              { id: 'B', text: 'y' },
            ],
          },
        },
        'content.options.0.correct',
      ],
    ];
    for (const [body, field] of bad) {
      const response = await post(trainerA, '/api/questions', body);
      expect({ field, status: response.status, named: response.body.errors?.[0]?.field }).toEqual({
        field,
        status: 400,
        named: field,
      });
    }
    const question = await createQuestion(trainerA, base);
    for (const body of [
      { stem: null },
      { content: null },
      { type: 'true_false' },
      { points: 'ten' },
      { status: 'deleted' },
    ]) {
      const response = await patch(trainerA, `/api/questions/${question.id}`, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const typeChange = await patch(trainerA, `/api/questions/${question.id}`, { type: 'true_false' });
    expect(typeChange.body.errors.map((e: { field: string }) => e.field)).toEqual(['content.options', 'key.correct']);
    expect(
      (
        await api
          .http()
          .post('/api/questions')
          .set('authorization', trainerA)
          .set('content-type', 'application/json')
          .send('{"stem":')
      ).status,
    ).toBe(400);
    expect((await post(trainerA, '/api/questions', [base])).status).toBe(400);
  });

  it('answers no malformed body with a 500', async () => {
    const question = await createQuestion(trainerA, questionBody('matching'));
    const scenario = await createScenario(trainerA, {
      organizationId: world.clientA.id,
      title: '杂项',
      narrative: 'n',
    });
    const odd = [
      null,
      7,
      'x',
      [],
      [1],
      {},
      { content: { left: 'x', right: null } },
      { key: { pairs: 'A-1' } },
      { key: [] },
      { questionIds: 'x' },
      { questionIds: [null] },
      { attachments: ['x'] },
      { attachments: null },
      { scenarioId: 5 },
      { points: '5' },
      { difficulty: 2.5 },
      { tags: 'x' },
      { tags: [1] },
      { content: { options: [{ id: 'A', text: 'x' }, 'B'] } },
      { type: 'essay', key: { rubric: [{ criterion: 'x', points: '2' }] }, content: { maxWords: 1e20 } },
    ];
    const targets: [string, string][] = [
      ['post', '/api/questions'],
      ['patch', `/api/questions/${question.id}`],
      ['post', '/api/questions/copy'],
      ['post', '/api/scenarios'],
      ['patch', `/api/scenarios/${scenario.id}`],
    ];
    for (const [method, path] of targets) {
      for (const body of odd) {
        const response = await api
          .http()
          [method as 'post'](path)
          .set('authorization', trainerA)
          .set('content-type', 'application/json')
          .send(JSON.stringify(body));
        expect({ method, path, body, status: response.status < 500 }).toEqual({ method, path, body, status: true });
      }
    }
  });

  it('keeps the bank from trainees and keeps keys from managers: they read scenarios, not questions', async () => {
    const question = await createQuestion(trainerA, questionBody('true_false'));
    for (const path of [
      '/api/questions',
      '/api/scenarios',
      `/api/questions/${question.id}`,
      `/api/questions/${question.id}/versions`,
      `/api/questions/${question.id}/trainee-view`,
    ]) {
      expect({ path, status: (await get(traineeA, path)).status }).toEqual({ path, status: 403 });
      expect({ path, status: (await get(managerA, path)).status }).toEqual({
        path,
        status: path === '/api/scenarios' ? 200 : 403,
      });
    }
    expect((await post(traineeA, '/api/questions', questionBody('true_false'))).status).toBe(403);
    expect((await post(managerA, '/api/questions', questionBody('true_false'))).status).toBe(403);
    expect((await patch(managerA, `/api/questions/${question.id}`, { stem: '改' })).status).toBe(403);
    expect(
      (await post(managerA, '/api/scenarios', { organizationId: world.clientA.id, title: 't', narrative: 'n' })).status,
    ).toBe(403);
    expect((await get(managerA, '/api/questions/import-template.xlsx')).status).toBe(403);
  });

  it('keeps each client’s bank to itself', async () => {
    const scenarioB = await createScenario(trainerB, {
      organizationId: world.clientB.id,
      title: 'B 的案例',
      narrative: 'B 公司的收货流程',
    });
    const questionB = await createQuestion(
      trainerB,
      questionBody('single_choice', world.clientB.id, { scenarioId: scenarioB.id, stem: 'B 的题目' }),
    );
    const readerB = await api.login(world.trainerB.email);
    expect((await get(readerB, `/api/questions/${questionB.id}`)).status).toBe(200);
    for (const token of [trainerA]) {
      const list = await get(token, `/api/questions?perPage=100&organizationId=${world.clientB.id}`);
      expect(list.body).toEqual({ data: [], total: 0 });
      const all = await get(token, '/api/questions?perPage=100&q=B 的题目');
      expect(all.body.total).toBe(0);
      for (const path of [
        `/api/questions/${questionB.id}`,
        `/api/questions/${questionB.id}/versions`,
        `/api/questions/${questionB.id}/trainee-view`,
        `/api/scenarios/${scenarioB.id}`,
      ]) {
        expect({ path, status: (await get(token, path)).status }).toEqual({ path, status: 404 });
      }
    }
    expect((await patch(trainerA, `/api/questions/${questionB.id}`, { stem: '偷改' })).status).toBe(404);
    expect((await api.http().delete(`/api/questions/${questionB.id}`).set('authorization', trainerA)).status).toBe(404);
    expect((await patch(trainerA, `/api/scenarios/${scenarioB.id}`, { title: '偷改' })).status).toBe(404);
    expect((await api.http().delete(`/api/scenarios/${scenarioB.id}`).set('authorization', trainerA)).status).toBe(404);
    expect((await post(trainerA, '/api/questions', questionBody('true_false', world.clientB.id))).status).toBe(404);
    const borrowed = await post(
      trainerA,
      '/api/questions',
      questionBody('true_false', world.clientA.id, { scenarioId: scenarioB.id }),
    );
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.errors).toEqual([
      { field: 'scenarioId', message: 'must be a scenario of the same organization' },
    ]);
    expect((await get(readerB, `/api/questions/${questionB.id}`)).body.stem).toBe('B 的题目');
  });

  it('manages scenarios with attachments and deletes only unused ones', async () => {
    const file = await api
      .http()
      .post('/api/files')
      .set('authorization', trainerA)
      .field('organizationId', world.clientA.id)
      .attach('file', Buffer.from('收货单样张'), '收货单.txt');
    const foreignFile = await api
      .http()
      .post('/api/files')
      .set('authorization', trainerB)
      .field('organizationId', world.clientB.id)
      .attach('file', Buffer.from('B'), 'b.txt');
    const base = {
      organizationId: world.clientA.id,
      title: '华东仓超收',
      narrative: '周一到货 120 箱，订单只有 100 箱。',
      businessProcess: ' 仓储 / 收货 ',
    };
    expect((await post(trainerA, '/api/scenarios', { ...base, attachments: [foreignFile.body.id] })).status).toBe(422);
    const scenario = await createScenario(trainerA, { ...base, attachments: [file.body.id] });
    expect(scenario).toMatchObject({ businessProcess: '仓储 / 收货', attachments: [file.body.id], questionCount: 0 });
    await createScenario(trainerA, {
      organizationId: world.clientA.id,
      title: '付款审批',
      narrative: '月底集中付款',
      businessProcess: '财务 / 付款',
    });

    const byProcess = await get(managerA, `/api/scenarios?businessProcess=${encodeURIComponent('仓储 / 收货')}`);
    expect(byProcess.body.data.map((s: ScenarioView) => s.title)).toEqual(['华东仓超收']);
    const bySearch = await get(
      managerA,
      `/api/scenarios?q=${encodeURIComponent('集中付款')}&organizationId=${world.clientA.id}`,
    );
    expect(bySearch.body.data.map((s: ScenarioView) => s.title)).toEqual(['付款审批']);
    expect((await get(managerA, '/api/scenarios?sort=narrative')).status).toBe(400);

    const question = await createQuestion(
      trainerA,
      questionBody('essay', world.clientA.id, { scenarioId: scenario.id }),
    );
    expect((await get(managerA, `/api/scenarios/${scenario.id}`)).body.questionCount).toBe(1);
    const refused = await api.http().delete(`/api/scenarios/${scenario.id}`).set('authorization', trainerA);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SCENARIO_IN_USE', questionCount: 1 });
    const preview = await get(trainerA, `/api/questions/${question.id}/trainee-view`);
    expect(preview.body.scenario).toEqual({
      title: '华东仓超收',
      narrative: base.narrative,
      attachments: [file.body.id],
    });

    expect((await patch(trainerA, `/api/questions/${question.id}`, { scenarioId: null })).body.scenarioId).toBeNull();
    expect((await api.http().delete(`/api/scenarios/${scenario.id}`).set('authorization', trainerA)).status).toBe(204);
    expect((await get(managerA, `/api/scenarios/${scenario.id}`)).status).toBe(404);
  });

  it('filters and sorts the bank', async () => {
    const org = world.clientA.id;
    const made = [
      await createQuestion(
        trainerA,
        questionBody('single_choice', org, {
          businessProcess: '销售 / 报价',
          difficulty: 5,
          tags: ['报价'],
          status: 'active',
        }),
      ),
      await createQuestion(
        trainerA,
        questionBody('true_false', org, { businessProcess: '销售 / 报价', difficulty: 1, tags: ['报价', '易错'] }),
      ),
    ];
    const list = (query: string) =>
      get(trainerA, `/api/questions?businessProcess=${encodeURIComponent('销售 / 报价')}&${query}`);
    expect((await list('')).body.total).toBe(2);
    expect((await list('sort=difficulty')).body.data.map((q: QuestionView) => q.difficulty)).toEqual([1, 5]);
    expect((await list('sort=difficulty&order=desc')).body.data.map((q: QuestionView) => q.difficulty)).toEqual([5, 1]);
    expect((await list('difficulty=5')).body.data.map((q: QuestionView) => q.id)).toEqual([made[0].id]);
    expect((await list('type=true_false')).body.data.map((q: QuestionView) => q.id)).toEqual([made[1].id]);
    expect((await list('status=active')).body.data.map((q: QuestionView) => q.id)).toEqual([made[0].id]);
    expect((await list(`tag=${encodeURIComponent('易错')}`)).body.data.map((q: QuestionView) => q.id)).toEqual([
      made[1].id,
    ]);
    expect((await list('sort=businessProcess')).status).toBe(200);
    for (const query of ['difficulty=9', 'type=oral', 'status=gone', 'sort=key', 'scenarioId=x'])
      expect({ query, status: (await list(query)).status }).toEqual({ query, status: 400 });
  });

  it('starts a new version when an attempt has used the current one', async () => {
    const scenario = await createScenario(trainerA, {
      organizationId: world.clientA.id,
      title: '超收处理',
      narrative: '原始案例描述',
    });
    const question = await createQuestion(
      trainerA,
      questionBody('single_choice', world.clientA.id, { scenarioId: scenario.id, status: 'active' }),
    );
    // Unused: edits rewrite version 1.
    expect((await patch(trainerA, `/api/questions/${question.id}`, { stem: '草稿修改' })).body.version).toBe(1);
    const [frozen] = await freeze([question.id]);
    expect(frozen).toMatchObject({
      questionId: question.id,
      version: 1,
      stem: '草稿修改',
      key: { correct: 'A' },
      scenario: { title: '超收处理', narrative: '原始案例描述' },
    });
    expect(frozen.usedAt).not.toBeNull();
    // Freezing again hands out the same version.
    expect((await freeze([question.id]))[0]).toMatchObject({ id: frozen.id, version: 1, usedAt: frozen.usedAt });

    const edited = await patch(trainerA, `/api/questions/${question.id}`, { stem: '新题干', key: { correct: 'B' } });
    expect(edited.body).toMatchObject({ version: 2, stem: '新题干', key: { correct: 'B' } });
    // Tags and status are not part of what attempts saw: no new version.
    expect((await patch(trainerA, `/api/questions/${question.id}`, { tags: ['复核'] })).body.version).toBe(2);
    // Version 2 is unused, so it is rewritten in place.
    expect((await patch(trainerA, `/api/questions/${question.id}`, { points: 3 })).body.version).toBe(2);

    const versions = (await get(trainerA, `/api/questions/${question.id}/versions`)).body;
    expect(versions.data.map((v: QuestionVersionView) => v.version)).toEqual([2, 1]);
    expect(versions.data[1]).toEqual(frozen);
    expect(versions.data[0]).toMatchObject({ stem: '新题干', points: 3, key: { correct: 'B' }, usedAt: null });

    // Rewriting the scenario reaches the questions: version 2 is unused and takes it in place...
    await patch(trainerA, `/api/scenarios/${scenario.id}`, { narrative: '更新后的案例描述' });
    expect((await get(trainerA, `/api/questions/${question.id}`)).body.version).toBe(2);
    const [second] = await freeze([question.id]);
    expect(second).toMatchObject({ version: 2, scenario: { narrative: '更新后的案例描述' } });
    // ...while a used version keeps the text its attempts saw and the question moves on.
    await patch(trainerA, `/api/scenarios/${scenario.id}`, { narrative: '第三版案例描述' });
    expect((await get(trainerA, `/api/questions/${question.id}`)).body.version).toBe(3);
    const after = (await get(trainerA, `/api/questions/${question.id}/versions`)).body.data as QuestionVersionView[];
    expect(after.map((v) => [v.version, v.scenario?.narrative])).toEqual([
      [3, '第三版案例描述'],
      [2, '更新后的案例描述'],
      [1, '原始案例描述'],
    ]);

    const deleted = await api.http().delete(`/api/questions/${question.id}`).set('authorization', trainerA);
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('QUESTION_IN_USE');
    expect((await patch(trainerA, `/api/questions/${question.id}`, { status: 'retired' })).body).toMatchObject({
      status: 'retired',
      version: 3,
    });
    const unused = await createQuestion(trainerA, questionBody('true_false'));
    expect((await api.http().delete(`/api/questions/${unused.id}`).set('authorization', trainerA)).status).toBe(204);
    expect((await get(trainerA, `/api/questions/${unused.id}`)).status).toBe(404);
  });

  it('imports an XLSX with Chinese headers', async () => {
    await createScenario(trainerA, {
      organizationId: world.clientA.id,
      title: '月底结账',
      narrative: '财务部月底集中结账',
    });
    const file = await xlsx([
      ['题型', '业务流程', '难度', '分值', '题干', '选项', '答案', '案例', '标签'],
      [
        '单选题',
        '财务 / 结账',
        2,
        2,
        '月底结账前必须先完成哪一步？',
        '关闭采购订单|完成发票校验|删除凭证',
        'B',
        '月底结账',
        '结账',
      ],
      [
        '多选题',
        '财务 / 结账',
        3,
        4,
        '结账前需要核对哪些数据？',
        'A. 应付账款|B. 库存|C. 天气',
        'A,B',
        '',
        '结账、核对',
      ],
      ['判断题', '财务 / 结账', 1, 1, '结账后仍可随意修改凭证。', '', '错', '', ''],
      ['填空题', '财务 / 结账', 3, 2, '关闭期间的事务代码是 ____。', '', 'MMPV/mmpv', '', ''],
      ['排序题', '财务 / 结账', 2, 3, '排列结账步骤。', '核对|结转|关账', 'ABC', '', ''],
      ['匹配题', '财务 / 结账', 2, 2, '连线。', '应付|应收||供应商|客户', 'A-1|B-2', '', ''],
      ['问答题', '财务 / 结账', 4, 5, '说明结账检查表。', '300', '完整:3|准确:2', '月底结账', ''],
    ]);
    const response = await api
      .http()
      .post('/api/questions/import')
      .set('authorization', trainerA)
      .field('organizationId', world.clientA.id)
      .attach('file', file, '题库.xlsx');
    expect(response.status).toBe(201);
    expect(response.body.created).toBe(7);
    const [single, multiple, , fill, , matching, essay] = response.body.questions as QuestionView[];
    expect(single).toMatchObject({
      type: 'single_choice',
      key: { correct: 'B' },
      status: 'draft',
      tags: ['结账'],
      scenarioId: expect.any(String),
    });
    expect(multiple).toMatchObject({
      content: {
        options: [
          { id: 'A', text: '应付账款' },
          { id: 'B', text: '库存' },
          { id: 'C', text: '天气' },
        ],
      },
      tags: ['结账', '核对'],
    });
    expect(fill).toMatchObject({ content: { blanks: 1 }, key: { accepted: [['MMPV', 'mmpv']], ignoreCase: true } });
    expect(matching.key).toEqual({
      pairs: [
        { left: 'A', right: '1' },
        { left: 'B', right: '2' },
      ],
    });
    expect(essay).toMatchObject({
      content: { maxWords: 300 },
      key: {
        rubric: [
          { criterion: '完整', points: 3 },
          { criterion: '准确', points: 2 },
        ],
      },
      scenarioId: single.scenarioId,
    });
  });

  it('imports nothing when any row is bad, listing every bad row with its reason', async () => {
    const before = await countQuestions();
    const file = await xlsx([
      ['题型', '业务流程', '难度', '分值', '题干', '选项', '答案', '案例'],
      ['单选题', '采购', 2, 2, '好的一行', '是|否', 'A', ''],
      ['单选题', '采购', 7, 2, '答案和难度都越界', '是|否', 'C', ''],
      ['口试', '采购', 2, 2, '未知题型', '', 'A', ''],
      ['判断题', '采购', 9, 2, '难度越界', '', '对', ''],
      ['问答题', '采购', 3, 10, '分值不符', '', '完整:3|准确:2', ''],
      ['判断题', '采购', 1, 1, '没有的案例', '', '对', '不存在的案例'],
      ['填空题', '', 1, 1, '缺业务流程', '', 'X', ''],
    ]);
    const response = await api
      .http()
      .post('/api/questions/import')
      .set('authorization', trainerA)
      .field('organizationId', world.clientA.id)
      .attach('file', file, 'bad.xlsx');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_INVALID');
    expect(response.body.rows.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [3, 'answer'],
      [3, 'difficulty'],
      [4, 'type'],
      [5, 'difficulty'],
      [6, 'answer'],
      [7, 'scenario'],
      [8, 'businessProcess'],
    ]);
    expect(response.body.rows.find((r: { row: number }) => r.row === 6).message).toContain('10');
    expect(await countQuestions()).toBe(before);
  });

  it('names an import cell holding a control character as a row error, never a 500', async () => {
    const csv = [
      'type,businessProcess,difficulty,points,stem,options,answer,scenario',
      'single_choice,Purchasing,2,2,Clean?,Yes|No,A,',
      'single_choice,Purchasing,2,2,Nul\u0000stem?,Yes|No,A,',
      'single_choice,Purchasing,2,2,Scenario?,Yes|No,A,Case\u0000one',
    ].join('\n');
    const response = await api
      .http()
      .post('/api/questions/import')
      .set('authorization', trainerA)
      .field('organizationId', world.clientA.id)
      .attach('file', Buffer.from(csv), 'bank.csv');
    expect(response.status).toBe(422);
    const rows = response.body.rows as { row: number; field: string; message: string }[];
    expect(rows.filter((r) => /control characters/.test(r.message)).map((r) => [r.row, r.field])).toEqual([
      [3, 'stem'],
      [4, 'scenario'],
    ]);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM question WHERE stem = 'Clean?'`);
    expect(n).toBe(0);
  });

  it('refuses control characters in a question body with 400 naming the field', async () => {
    const body = questionBody('single_choice') as { content: { options: { id: string; text: string }[] } };
    body.content.options[1] = { ...body.content.options[1], text: 'B\u0000' };
    const response = await post(trainerA, '/api/questions', body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'content.options.1.text', message: 'must not contain control characters' },
    ]);
  });

  it('imports CSV with English headers and refuses what it cannot read', async () => {
    const csv =
      '\uFEFFtype,businessProcess,difficulty,points,stem,options,answer\nsingle_choice,Purchasing,2,2,"Who approves, then?",Buyer|Manager,B\n';
    const upload = (body: Buffer, name: string, organizationId = world.clientA.id) =>
      api
        .http()
        .post('/api/questions/import')
        .set('authorization', trainerA)
        .field('organizationId', organizationId)
        .attach('file', body, name);
    const ok = await upload(Buffer.from(csv), 'bank.csv');
    expect(ok.status).toBe(201);
    expect(ok.body.questions[0]).toMatchObject({ stem: 'Who approves, then?', key: { correct: 'B' } });
    expect((await upload(Buffer.from('x'), 'bank.pdf')).status).toBe(400);
    expect((await upload(Buffer.from('PK\u0003\u0004 broken'), 'bank.xlsx')).status).toBe(422);
    const missing = await upload(Buffer.from('题型,备注\n单选,x\n'), 'bank.csv');
    expect(missing.status).toBe(422);
    expect(missing.body.rows.map((r: { field: string }) => r.field)).toEqual(
      expect.arrayContaining(['备注', 'answer', 'stem']),
    );
    expect((await upload(Buffer.from(csv), 'bank.csv', world.clientB.id)).status).toBe(404);
    const managerUpload = await api
      .http()
      .post('/api/questions/import')
      .set('authorization', managerA)
      .field('organizationId', world.clientA.id)
      .attach('file', Buffer.from(csv), 'bank.csv');
    expect(managerUpload.status).toBe(403);
  });

  it('offers a template with Chinese and English headers that imports as it is', async () => {
    const response = await get(trainerA, '/api/questions/import-template.xlsx').buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['题型 / type', '业务流程 / businessProcess', '答案 / answer']));
    const imported = await api
      .http()
      .post('/api/questions/import')
      .set('authorization', trainerA)
      .field('organizationId', world.clientA.id)
      .attach('file', response.body, 'template.xlsx');
    expect(imported.status).toBe(201);
    expect(imported.body.questions.map((q: QuestionView) => q.type)).toEqual([...QUESTION_TYPES]);
  });

  it('copies vendor templates, with their scenario once, into a client bank as drafts', async () => {
    const attachment = await api
      .http()
      .post('/api/files')
      .set('authorization', admin)
      .field('organizationId', world.vendor.id)
      .attach('file', Buffer.from('模板附件'), '模板.txt');
    const template = await createScenario(admin, {
      organizationId: world.vendor.id,
      title: '标准收货案例',
      narrative: '供应商送货，数量不符。',
      attachments: [attachment.body.id],
    });
    const templates = [
      await createQuestion(
        admin,
        questionBody('single_choice', world.vendor.id, { scenarioId: template.id, status: 'active' }),
      ),
      await createQuestion(
        admin,
        questionBody('matching', world.vendor.id, { scenarioId: template.id, status: 'active' }),
      ),
      await createQuestion(admin, questionBody('fill_in', world.vendor.id)),
    ];
    // The vendor trainer sees the vendor's templates; the client's manager does not.
    expect((await get(trainerA, `/api/questions?organizationId=${world.vendor.id}`)).body.total).toBe(3);
    expect((await get(managerA, `/api/questions?organizationId=${world.vendor.id}`)).status).toBe(403);

    const copy = (token: string, body: object) => post(token, '/api/questions/copy', body);
    const ids = templates.map((t) => t.id);
    const copied = await copy(trainerA, { questionIds: ids, organizationId: world.clientA.id });
    expect(copied.status).toBe(201);
    expect(copied.body).toMatchObject({ created: 3, scenariosCreated: 1 });
    const copies = copied.body.questions as QuestionView[];
    expect(copies.map((q) => [q.copiedFromId, q.organizationId, q.status, q.version])).toEqual(
      ids.map((id) => [id, world.clientA.id, 'draft', 1]),
    );
    expect(copies[0].key).toEqual(templates[0].key);
    expect(copies[0].scenarioId).not.toBe(template.id);
    expect(copies[1].scenarioId).toBe(copies[0].scenarioId);
    expect(copies[2].scenarioId).toBeNull();
    const scenarioCopy = (await get(managerA, `/api/scenarios/${copies[0].scenarioId}`)).body as ScenarioView;
    expect(scenarioCopy).toMatchObject({
      organizationId: world.clientA.id,
      title: '标准收货案例',
      copiedFromId: template.id,
      questionCount: 2,
    });
    // The attachment is copied too, so the client's people can open it.
    expect(scenarioCopy.attachments).toHaveLength(1);
    expect(scenarioCopy.attachments[0]).not.toBe(attachment.body.id);
    // The copy downloads for whoever reads the client's bank, not for a trainee of the client.
    const fileUrl = `/api/files/${scenarioCopy.attachments[0]}`;
    expect((await get(traineeA, fileUrl)).status).toBe(404);
    const download = await get(trainerA, fileUrl).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body).toString()).toBe('模板附件');

    // Copying again reuses the scenario copied before.
    const again = await copy(admin, { questionIds: [ids[0]], organizationId: world.clientA.id });
    expect(again.body).toMatchObject({
      created: 1,
      scenariosCreated: 0,
      questions: [{ scenarioId: copies[0].scenarioId }],
    });

    const notTemplate = await copy(trainerA, {
      questionIds: [ids[0], copies[0].id, '00000000-0000-4000-8000-000000000000'],
      organizationId: world.clientA.id,
    });
    expect(notTemplate.status).toBe(422);
    expect(notTemplate.body.errors.map((e: { field: string }) => e.field)).toEqual(['questionIds.1', 'questionIds.2']);
    expect((await copy(trainerB, { questionIds: ids, organizationId: world.clientA.id })).status).toBe(404);
    expect((await copy(managerA, { questionIds: ids, organizationId: world.clientA.id })).status).toBe(403);
    expect((await copy(admin, { questionIds: ids, organizationId: world.vendor.id })).status).toBe(422);
    expect((await copy(admin, { questionIds: [], organizationId: world.clientA.id })).status).toBe(400);
    // A client user an admin made a bank author works in the client's bank but does not copy
    // vendor templates; a stored trainer role without a qualification grants nothing.
    const author = await post(admin, '/api/users', {
      organizationId: world.clientA.id,
      email: `author.${Date.now()}@example.test`,
      name: '题库作者',
      roles: ['trainee'],
      bankAuthor: true,
      password: 'test-password-1',
    });
    expect(author.status).toBe(201);
    const authorToken = await api.login(author.body.email);
    expect((await copy(authorToken, { questionIds: ids, organizationId: world.clientA.id })).status).toBe(403);
    expect((await get(authorToken, '/api/questions?perPage=1')).status).toBe(200);
    const unqualified = await post(admin, '/api/users', {
      organizationId: world.clientA.id,
      email: `unqualified.${Date.now()}@example.test`,
      name: '未认证讲师',
      roles: ['trainee'],
      password: 'test-password-1',
    });
    // A trainer role left over from before it followed qualifications.
    await api.dataSource.query(`UPDATE app_user SET roles = '{trainee,trainer}' WHERE id = $1`, [unqualified.body.id]);
    const unqualifiedToken = await api.login(unqualified.body.email);
    expect((await get(unqualifiedToken, '/api/questions?perPage=1')).status).toBe(403);
  });
});
