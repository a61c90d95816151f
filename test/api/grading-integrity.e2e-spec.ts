import { RequestContext } from '@cascade/server/core';
import { QualificationsService } from '@cascade/server/qualifications';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  addClientUsers,
  createPlan,
  createSession,
  createExam,
  createWorld,
  sitExam,
  startTestApi,
  TestApi,
  World,
  WorldUser,
} from '@cascade/server/testing';

/**
 * Nobody grades or corrects the key of an exam they sit; an internal trainer grades only the
 * exams of the sessions they train; grades and key corrections are in the audit log.
 *
 *   session S: lead vendor trainer A, assistants 孙丽 and 刘洋
 *   exam E (of S, two essays): 张伟 and 孙丽 sit it; 张伟 has handed in
 *   exam E2 (a fixed list with the single choice), exam E3 (a blueprint drawing the true/false): 孙丽 sits them
 *   孙丽, 刘洋 and 周敏 hold valid qualifications; 孙丽 may also author the bank
 */
describe('grading integrity', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainerB: string;
  let admin: string;
  let sun: string;
  let liu: string;
  let zhou: string;
  let people: Record<'zhang' | 'sun' | 'liu' | 'zhou', WorldUser & { name: string }>;
  const questionIds: Record<'essay1' | 'essay2' | 'single' | 'trueFalse', string> = {
    essay1: '',
    essay2: '',
    single: '',
    trueFalse: '',
  };
  let examId: string;
  let attemptId: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    const [zhang, sunLi, liuYang, zhouMin] = await addClientUsers(
      api,
      world,
      ['张伟', '孙丽', '刘洋', '周敏'].map((name) => ({ name, isKeyUser: true })),
    );
    people = { zhang, sun: sunLi, liu: liuYang, zhou: zhouMin };
    await api.dataSource.query(`UPDATE app_user SET bank_author = true WHERE id = $1`, [sunLi.id]);
    [trainer, trainerB, admin] = await Promise.all(
      [world.trainerA, world.trainerB, world.admin].map((u) => api.login(u.email)),
    );

    const track = await api
      .http()
      .post('/api/qualification-tracks')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购内部讲师',
        businessProcesses: ['采购 / 下单'],
        validityMonths: 12,
        criteria: [{ kind: 'teach_back' }],
      });
    for (const person of [sunLi, liuYang, zhouMin]) {
      const nominated = await api
        .http()
        .post('/api/qualifications')
        .set('authorization', trainer)
        .send({ trackId: track.body.id, userId: person.id });
      await api
        .http()
        .post('/api/teach-backs')
        .set('authorization', trainer)
        .send({
          trackId: track.body.id,
          candidateId: person.id,
          items: [{ label: '试讲', result: 'pass' }],
          sign: true,
        });
      await RequestContext.runAsSystem(() => api.app.get(QualificationsService).evaluateUser(person.id));
      const [row] = await api.dataSource.query(`SELECT status FROM qualification WHERE id = $1`, [nominated.body.id]);
      expect(row.status).toBe('qualified');
    }

    const plan = await createPlan(api, world, trainer);
    const session = await createSession(api, trainer, plan, {
      trainers: [
        { userId: world.trainerA.id, role: 'lead' },
        { userId: sunLi.id, role: 'assistant' },
        { userId: liuYang.id, role: 'assistant' },
      ],
    });
    const question = async (body: object) => {
      const created = await api
        .http()
        .post('/api/questions')
        .set('authorization', trainer)
        .send({ organizationId: world.clientA.id, status: 'active', ...body });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    questionIds.essay1 = await question(QUESTION_EXAMPLES.essay);
    questionIds.essay2 = await question({ ...QUESTION_EXAMPLES.essay, stem: '说明退货时在系统中的处理步骤。' });
    questionIds.single = await question(QUESTION_EXAMPLES.single_choice);
    questionIds.trueFalse = await question(QUESTION_EXAMPLES.true_false);
    const exam = (fields: Record<string, unknown>) =>
      createExam(api, trainer, world.clientA.id, { showResults: 'immediately', ...fields });
    examId = await exam({
      title: '收货问答',
      sessionId: session.id,
      questionIds: [questionIds.essay1, questionIds.essay2],
      assignees: { userIds: [zhang.id, sunLi.id] },
    });
    await exam({ title: '下单测验', questionIds: [questionIds.single], assignees: { userIds: [sunLi.id] } });
    await exam({
      title: '收货抽题',
      blueprint: [{ businessProcess: QUESTION_EXAMPLES.true_false.businessProcess, difficulty: 1, count: 1 }],
      assignees: { userIds: [sunLi.id] },
    });

    // Everyone acts only once the exams exist, so what each may do is read fresh.
    const zhangToken = await api.login(zhang.email);
    [sun, liu, zhou] = await Promise.all([sunLi, liuYang, zhouMin].map((u) => api.login(u.email)));
    const essay = '先核对订单数量，再与采购沟通。';
    attemptId = await sitExam(
      api,
      zhangToken,
      examId,
      { [questionIds.essay1]: essay, [questionIds.essay2]: essay },
      'needs_review',
    );
  });
  afterAll(() => api?.close());

  const pendingOf = async (token: string) => {
    const response = await api.http().get(`/api/grading/pending?examId=${examId}`).set('authorization', token);
    expect(response.status).toBe(200);
    return response.body as { total: number; data: { attemptId: string; questionId: string }[] };
  };
  /** Refused outright, or shown an empty list: either way none of the exam's answers. */
  const seesNone = async (token: string) => {
    const response = await api.http().get(`/api/grading/pending?examId=${examId}`).set('authorization', token);
    if (response.status === 403) return true;
    expect(response.status).toBe(200);
    return response.body.total === 0 && response.body.data.length === 0;
  };
  const grade = (token: string, questionId: string, body: object) =>
    api.http().post(`/api/attempts/${attemptId}/answers/${questionId}/grade`).set('authorization', token).send(body);
  const scoreOf = async (questionId: string) =>
    (
      await api.dataSource.query(`SELECT score FROM attempt_item WHERE attempt_id = $1 AND question_id = $2`, [
        attemptId,
        questionId,
      ])
    )[0].score;
  const audit = async (query: Record<string, string>) =>
    (
      await api
        .http()
        .get('/api/audit-entries')
        .query({ sort: 'createdAt', order: 'ASC', perPage: 100, ...query })
        .set('authorization', admin)
    ).body.data as { actorId: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[];

  it('does not show 孙丽 the answers of an exam she sits, and refuses her grade (403 CONFLICT_OF_INTEREST)', async () => {
    expect(await pendingOf(sun)).toEqual({ total: 0, data: [] });
    // The same answers are there for a trainer of the session who does not sit the exam.
    expect((await pendingOf(liu)).total).toBe(2);
    const refused = await grade(sun, questionIds.essay1, { score: 10, comment: '很好' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');
    expect(await scoreOf(questionIds.essay1)).toBeNull();
  });

  it('lets an internal trainer grade only the exams of the sessions they train', async () => {
    expect(await seesNone(zhou)).toBe(true);
    const outside = await grade(zhou, questionIds.essay1, { score: 5 });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('FORBIDDEN');
    expect(await scoreOf(questionIds.essay1)).toBeNull();

    const own = await pendingOf(liu);
    expect(own.total).toBe(2);
    expect(own.data.map((p) => [p.attemptId, p.questionId])).toEqual([
      [attemptId, questionIds.essay1],
      [attemptId, questionIds.essay2],
    ]);
    const graded = await grade(liu, questionIds.essay1, { score: 6 });
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({ score: 6, attemptStatus: 'needs_review', gradedBy: people.liu.id });
  });

  it('keeps another client’s vendor trainer out (404) and lets the serving one finish', async () => {
    expect(await pendingOf(trainerB)).toEqual({ total: 0, data: [] });
    expect((await grade(trainerB, questionIds.essay2, { score: 5 })).status).toBe(404);
    const regraded = await grade(liu, questionIds.essay1, { score: 7, comment: '补充了沟通部分' });
    expect(regraded.status).toBe(200);
    const last = await grade(trainer, questionIds.essay2, { score: 8 });
    expect(last.status).toBe(200);
    expect(last.body.attemptStatus).toBe('finalized');
  });

  it('audits every manual grade with the score and comment before and after', async () => {
    const entries = await audit({ entity: 'AttemptItem', entityId: `${attemptId}:${questionIds.essay1}` });
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: people.liu.id,
        action: 'grade',
        before: null,
        after: expect.objectContaining({ score: 6, comment: null, gradedBy: people.liu.id }),
      }),
      expect.objectContaining({
        actorId: people.liu.id,
        action: 'grade',
        before: expect.objectContaining({ score: 6, comment: null }),
        after: expect.objectContaining({ score: 7, comment: '补充了沟通部分' }),
      }),
    ]);
    const [last] = await audit({ entity: 'AttemptItem', entityId: `${attemptId}:${questionIds.essay2}` });
    expect(last).toMatchObject({ actorId: world.trainerA.id, before: null, after: { score: 8 } });
  });

  it('refuses a key correction to whoever sits an exam that can draw the question (403 CONFLICT_OF_INTEREST)', async () => {
    const correct = async (token: string, questionId: string, key: unknown) => {
      const version = (await api.http().get(`/api/questions/${questionId}`).set('authorization', trainer)).body.version;
      return api
        .http()
        .post(`/api/questions/${questionId}/key-corrections`)
        .set('authorization', token)
        .send({ version, key, reason: '答案有误' });
    };
    const listed = await correct(sun, questionIds.single, { correct: 'B' });
    expect(listed.status).toBe(403);
    expect(listed.body.code).toBe('CONFLICT_OF_INTEREST');
    const drawn = await correct(sun, questionIds.trueFalse, { correct: !QUESTION_EXAMPLES.true_false.key.correct });
    expect(drawn.status).toBe(403);
    expect(drawn.body.code).toBe('CONFLICT_OF_INTEREST');
    // An internal trainer who does not author the bank corrects no key at all.
    const notAuthor = await correct(zhou, questionIds.single, { correct: 'B' });
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.code).toBe('FORBIDDEN');
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM key_correction`);
    expect(n).toBe(0);
    const unchanged = await api.http().get(`/api/questions/${questionIds.single}`).set('authorization', trainer);
    expect(unchanged.body.key).toEqual({ correct: 'A' });

    const accepted = await correct(trainer, questionIds.single, { correct: 'B' });
    expect(accepted.status).toBe(202);
    const [entry] = await audit({ entity: 'Question', entityId: questionIds.single, action: 'correctKey' });
    expect(entry).toMatchObject({
      actorId: world.trainerA.id,
      before: { version: accepted.body.version, key: { correct: 'A' } },
      after: { version: accepted.body.version, key: { correct: 'B' }, reason: '答案有误' },
    });
  });
});
