import { RequestContext } from '@cascade/server/core';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { JobHandlers } from '@cascade/server/queue';
import {
  createWorld,
  eventually,
  minutesFromNow,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  World,
} from '@cascade/server/testing';

/** Words that only an answer key contains; none may reach a trainee. */
const KEY_FIELDS = ['"key"', '"correct"', '"accepted"', '"order"', '"pairs"', '"rubric"', '"ignoreCase"', '"scoring"'];

describe('attempts', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainee: string;
  const questionIds: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainee] = await Promise.all([world.trainerA, world.traineeA].map((u) => api.login(u.email)));
    for (const example of Object.values(QUESTION_EXAMPLES)) {
      const response = await api
        .http()
        .post('/api/questions')
        .set('authorization', trainer)
        .send({ organizationId: world.clientA.id, ...example, status: 'active' });
      expect(response.status).toBe(201);
      questionIds[example.type] = response.body.id;
    }
  });
  afterAll(() => api?.close());

  const exam = async (overrides: Record<string, unknown> = {}) => {
    const response = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购前测',
        kind: 'pre_test',
        questionIds: Object.values(questionIds),
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        assignees: { userIds: [world.traineeA.id] },
        ...overrides,
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('starts once however many starts arrive together, with every type frozen and no answer key anywhere', async () => {
    const examId = await exam();
    const starts = await Promise.all(
      Array.from({ length: 5 }, () => api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)),
    );
    expect(starts.map((s) => s.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(starts.map((s) => s.body.id)).size).toBe(1);
    const attempt = (await api.http().get(`/api/attempts/${starts[0].body.id}`).set('authorization', trainee)).body;
    expect(attempt.items.map((i: { question: { type: string } }) => i.question.type).sort()).toEqual(
      Object.keys(questionIds).sort(),
    );
    for (const field of KEY_FIELDS)
      expect({ field, found: JSON.stringify(attempt).includes(field) }).toEqual({ field, found: false });
    const deadline = new Date(attempt.deadlineAt).getTime() - new Date(attempt.startedAt).getTime();
    expect(deadline).toBe(20 * 60_000);
    expect(Math.abs(new Date(attempt.serverNow).getTime() - Date.now())).toBeLessThan(60_000);
    // Another trainee cannot see it.
    const other = await api.login(world.traineeA2.email);
    expect((await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', other)).status).toBe(404);
  });

  it('keeps the newest answer: an older save arriving late is ignored', async () => {
    const examId = await exam({ title: '后测' });
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)).body;
    const save = (questionId: string, response: unknown, seq: number) =>
      api
        .http()
        .put(`/api/attempts/${attempt.id}/answers/${questionId}`)
        .set('authorization', trainee)
        .send({ response, seq });
    const single = questionIds.single_choice;
    expect((await save(single, 'B', 2)).body).toEqual({ questionId: single, seq: 2, applied: true });
    expect((await save(single, 'A', 1)).body).toEqual({ questionId: single, seq: 2, applied: false });
    const stored = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainee)).body.items.find(
      (i: { question: { questionId: string } }) => i.question.questionId === single,
    );
    expect(stored).toMatchObject({ response: 'B', seq: 2 });

    expect((await save(questionIds.true_false, 'yes', 1)).status).toBe(400);
    expect((await save(questionIds.multiple_choice, 'A', 1)).status).toBe(400);
    const stranger = await save('00000000-0000-4000-8000-000000000000', 'A', 1);
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('QUESTION_NOT_IN_ATTEMPT');
    expect(
      (
        await api
          .http()
          .put(`/api/attempts/${attempt.id}/answers/${single}`)
          .set('authorization', trainee)
          .send({ response: 'A', seq: -1 })
      ).status,
    ).toBe(400);
    expect(
      (
        await api
          .http()
          .put(`/api/attempts/${attempt.id}/answers/${single}`)
          .set('authorization', trainer)
          .send({ response: 'A', seq: 5 })
      ).status,
    ).toBe(403);

    // Saves count for 30 s after the deadline (the network was late, not the trainee), then stop.
    const deadline = (at: string) =>
      api.dataSource.query(`UPDATE attempt SET deadline_at = now() - interval '${at}' WHERE id = $1`, [attempt.id]);
    await deadline('20 seconds');
    expect((await save(single, 'C', 3)).body).toEqual({ questionId: single, seq: 3, applied: true });
    await deadline('31 seconds');
    const late = await save(single, 'A', 4);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    await deadline('-10 minutes');

    // Nobody else hands it in.
    expect((await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainer)).status).toBe(
      403,
    );
    expect((await api.http().post(`/api/attempts/not-an-id/submit`).set('authorization', trainee)).status).toBe(404);
    const submitted = await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainee);
    expect(submitted.body.status).toBe('submitted');
    expect(
      (await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainee)).body.submittedAt,
    ).toBe(submitted.body.submittedAt);
    const afterSubmit = await save(single, 'B', 5);
    expect(afterSubmit.status).toBe(409);
    expect(afterSubmit.body.code).toBe('ATTEMPT_SUBMITTED');
  });

  it('refuses a start outside the window or beyond the attempts allowed', async () => {
    const later = await exam({ title: '未开放', opensAt: minutesFromNow(60), closesAt: minutesFromNow(120) });
    const closed = await api.http().post(`/api/exams/${later}/attempts`).set('authorization', trainee);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('EXAM_CLOSED');
    const once = await exam({ title: '一次' });
    const first = await api.http().post(`/api/exams/${once}/attempts`).set('authorization', trainee);
    await api.http().post(`/api/attempts/${first.body.id}/submit`).set('authorization', trainee);
    const again = await api.http().post(`/api/exams/${once}/attempts`).set('authorization', trainee);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NO_ATTEMPTS_LEFT');
    const notAssigned = await api.login(world.traineeA2.email);
    expect((await api.http().post(`/api/exams/${once}/attempts`).set('authorization', notAssigned)).status).toBe(404);
  });

  it('draws by blueprint and keeps the version each attempt was given', async () => {
    const examId = await exam({
      title: '抽题',
      questionIds: undefined,
      blueprint: [
        {
          businessProcess: QUESTION_EXAMPLES.single_choice.businessProcess,
          difficulty: QUESTION_EXAMPLES.single_choice.difficulty,
          count: 1,
          points: 10,
        },
      ],
    });
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)).body;
    expect(attempt.items).toHaveLength(1);
    expect(attempt.items[0].question).toMatchObject({ points: 10, version: 1 });
    const givenStem = attempt.items[0].question.stem;
    const edited = await api
      .http()
      .patch(`/api/questions/${attempt.items[0].question.questionId}`)
      .set('authorization', trainer)
      .send({ stem: '改过的题干' });
    expect(edited.body.version).toBe(2);
    const again = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainee)).body;
    expect(again.items[0].question.stem).toBe(givenStem);
    expect(givenStem).not.toBe('改过的题干');
  });

  it('grades objective answers through the queue, finalises, and tells the trainee their result', async () => {
    const examId = await exam({
      title: '客观题测验',
      questionIds: [questionIds.single_choice, questionIds.true_false],
      passPercent: 50,
      showResults: 'immediately',
      // The only attempt: once it is final nothing is left to sit, so the answers may be shown.
      reviewMode: 'no_attempt_left',
    });
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)).body;
    await api
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${questionIds.single_choice}`)
      .set('authorization', trainee)
      .send({ response: 'A', seq: 1 });
    await api
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${questionIds.true_false}`)
      .set('authorization', trainee)
      .send({ response: !QUESTION_EXAMPLES.true_false.key.correct, seq: 1 });
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainee);
    const final = await eventually(
      async () => {
        const view = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainee)).body;
        return view.status === 'finalized' ? view : undefined;
      },
      15_000,
      'the attempt to be finalised',
    );
    const single = QUESTION_EXAMPLES.single_choice.points;
    const truth = QUESTION_EXAMPLES.true_false.points;
    expect(final).toMatchObject({
      resultsVisible: true,
      score: single,
      maxScore: single + truth,
      passed: single / (single + truth) >= 0.5,
    });
    // With the result come each answer's marks and, as the exam's review mode allows now, the key.
    const byType = (type: string) => final.items.find((i: { question: { type: string } }) => i.question.type === type);
    expect(byType('single_choice').result).toEqual({
      score: single,
      comment: null,
      key: QUESTION_EXAMPLES.single_choice.key,
    });
    expect(byType('true_false').result).toMatchObject({ score: 0, key: QUESTION_EXAMPLES.true_false.key });
    const inbox = await eventually(
      async () => {
        const response = await api.http().get('/api/me/notifications?perPage=50').set('authorization', trainee);
        return response.body.data.find((n: { kind: string }) => n.kind === 'exam_result');
      },
      15_000,
      'the result notification',
    );
    expect(inbox.title).toBe('考试成绩：客观题测验');
    // Grading again (a redelivered job) changes nothing.
    const grade = api.app.get(JobHandlers).get('attempt.grade')!;
    await RequestContext.runAsSystem(() => grade({ attemptId: attempt.id }, { jobId: 'redelivered', attemptsMade: 1 }));
    const again = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainee)).body;
    expect(again).toMatchObject({ status: 'finalized', score: final.score });
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind = 'exam_result' AND user_id = $1`,
      [world.traineeA.id],
    );
    expect(n).toBe(1);
  });

  it('leaves an attempt with an essay waiting for a trainer', async () => {
    const examId = await exam({ title: '含问答题', questionIds: [questionIds.single_choice, questionIds.essay] });
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)).body;
    await api
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${questionIds.essay}`)
      .set('authorization', trainee)
      .send({ response: '先核对订单，再做收货。', seq: 1 });
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainee);
    const waiting = await eventually(
      async () => {
        const view = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainee)).body;
        return view.status === 'needs_review' ? view : undefined;
      },
      15_000,
      'needs_review',
    );
    expect(waiting.score).toBeNull();
  });

  it('keeps the score from the trainee until the exam closes, while staff see it', async () => {
    const examId = await exam({
      title: '结束后公布',
      questionIds: [questionIds.true_false],
      showResults: 'after_close',
    });
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)).body;
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainee);
    const view = await eventually(
      async () => {
        const body = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainee)).body;
        return body.status === 'finalized' ? body : undefined;
      },
      15_000,
      'the attempt to be finalised',
    );
    expect(view).toMatchObject({ resultsVisible: false, score: null, percent: null, passed: null });
    expect(view.items[0].result).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain('"correct"');
    const staff = (await api.http().get(`/api/attempts/${attempt.id}`).set('authorization', trainer)).body;
    expect(staff).toMatchObject({ resultsVisible: true, score: 0, percent: 0, passed: false });
    const note = await eventually(
      async () => {
        const response = await api.http().get('/api/me/notifications?perPage=50').set('authorization', trainee);
        return response.body.data.find((n: { title: string }) => n.title === '考试成绩：结束后公布');
      },
      15_000,
      'the graded notification',
    );
    expect(note.body).toBe('您的「结束后公布」已评分完毕，成绩将在考试结束后公布。');
  });

  it('gives one person extra time and their own window', async () => {
    const examId = await exam({
      title: '延时',
      timeLimitMinutes: 20,
      opensAt: minutesFromNow(30),
      closesAt: minutesFromNow(90),
      assignees: { userIds: [world.traineeA.id, world.traineeA2.id] },
      overrides: [{ userId: world.traineeA.id, extraMinutes: 10, opensAt: minutesFromNow(-5) }],
    });
    const own = await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee);
    expect(own.status).toBe(201);
    expect(new Date(own.body.deadlineAt).getTime() - new Date(own.body.startedAt).getTime()).toBe(30 * 60_000);
    // Everyone else still waits for the exam's own opening.
    const other = await api.login(world.traineeA2.email);
    const early = await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', other);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('EXAM_CLOSED');
  });

  it('refuses overrides for strangers, twice for one person, or with a window that ends before it opens', async () => {
    const response = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '坏的例外',
        kind: 'practice',
        questionIds: [questionIds.true_false],
        timeLimitMinutes: 10,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        overrides: [
          { userId: world.traineeB.id },
          { userId: world.traineeA.id, closesAt: minutesFromNow(-10) },
          { userId: world.traineeA.id, extraMinutes: 5 },
        ],
      });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'overrides.0.userId',
      'overrides.1.closesAt',
      'overrides.2.userId',
    ]);
    const malformed = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({ organizationId: world.clientA.id, overrides: [{ userId: 'x', extraMinutes: -1 }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['overrides.0.userId', 'overrides.0.extraMinutes']),
    );
  });

  it('refuses an autosave the moment its session ends, though autosave reads facts a few seconds old', async () => {
    const examId = await exam({ title: '登出后保存', assignees: { userIds: [world.traineeA2.id] } });
    const login = await api
      .http()
      .post('/api/auth/login')
      .send({ email: world.traineeA2.email, password: TEST_PASSWORD });
    const token = `Bearer ${login.body.accessToken}`;
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('cascade_refresh='));
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', token)).body;
    const save = (seq: number) =>
      api
        .http()
        .put(`/api/attempts/${attempt.id}/answers/${questionIds.true_false}`)
        .set('authorization', token)
        .send({ response: true, seq });
    // The first save leaves the caller's facts in the autosave's short memory.
    expect((await save(1)).status).toBe(200);
    const logout = await api
      .http()
      .post('/api/auth/logout')
      .set('x-cascade-client', 'test')
      .set('cookie', cookie!.split(';')[0]);
    expect(logout.status).toBeLessThan(300);
    const after = await save(2);
    expect(after.status).toBe(401);
    const [item] = await api.dataSource.query(
      `SELECT seq FROM attempt_item WHERE attempt_id = $1 AND question_id = $2`,
      [attempt.id, questionIds.true_false],
    );
    expect(item.seq).toBe(1);
  });
});
