import { RequestContext } from '@cascade/server/core';
import { ATTEMPT_SWEEP_EVERY_MS, AttemptsService, KeyCorrectionsService } from '@cascade/server/exams';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { PeriodicTasks } from '@cascade/server/queue';
import { createWorld, eventually, minutesFromNow, startTestApi, TestApi, World } from '@cascade/server/testing';

/** Manual grading of essays, key corrections with their regrade, the overdue sweep, and "my exams". */
describe('grading', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainee: string;
  let trainee2: string;
  const questionIds: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainee, trainee2] = await Promise.all(
      [world.trainerA, world.traineeA, world.traineeA2].map((u) => api.login(u.email)),
    );
    for (const type of ['single_choice', 'true_false', 'essay'] as const) {
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

  const exam = async (fields: Record<string, unknown>) => {
    const response = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        kind: 'post_test',
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        showResults: 'immediately',
        assignees: { userIds: [world.traineeA.id, world.traineeA2.id] },
        ...fields,
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const sit = async (examId: string, who: string, answers: Record<string, unknown>) => {
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', who)).body;
    for (const [questionId, response] of Object.entries(answers)) {
      const saved = await api
        .http()
        .put(`/api/attempts/${attempt.id}/answers/${questionId}`)
        .set('authorization', who)
        .send({ response, seq: 1 });
      expect(saved.status).toBe(200);
    }
    expect((await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', who)).status).toBe(200);
    return attempt.id as string;
  };

  const reaches = (attemptId: string, status: string, who = trainer) =>
    eventually(
      async () => {
        const view = (await api.http().get(`/api/attempts/${attemptId}`).set('authorization', who)).body;
        return view.status === status ? view : undefined;
      },
      15_000,
      `attempt ${attemptId} to be ${status}`,
    );

  it('lists essays for a trainer, takes a rubric grade, and finalises after the last one', async () => {
    const examId = await exam({
      title: '收货问答',
      questionIds: [questionIds.single_choice, questionIds.essay],
      reviewMode: 'no_attempt_left',
    });
    const attemptId = await sit(examId, trainee, {
      [questionIds.single_choice]: 'A',
      [questionIds.essay]: '先核对订单数量，与采购沟通后决定让步接收或拒收。',
    });
    await reaches(attemptId, 'needs_review');

    const pending = await api.http().get(`/api/grading/pending?examId=${examId}`).set('authorization', trainer);
    expect(pending.status).toBe(200);
    expect(pending.body.total).toBe(1);
    expect(pending.body.data[0]).toMatchObject({
      attemptId,
      examTitle: '收货问答',
      userId: world.traineeA.id,
      questionId: questionIds.essay,
      points: 10,
      rubric: QUESTION_EXAMPLES.essay.key.rubric,
      response: '先核对订单数量，与采购沟通后决定让步接收或拒收。',
    });
    // Not for trainees, and not for client B's trainer.
    expect((await api.http().get('/api/grading/pending').set('authorization', trainee)).status).toBe(403);
    const trainerB = await api.login(world.trainerB.email);
    const otherClient = await api.http().get(`/api/grading/pending?examId=${examId}`).set('authorization', trainerB);
    expect(otherClient.body.total).toBe(0);
    const url = `/api/attempts/${attemptId}/answers/${questionIds.essay}/grade`;
    expect((await api.http().post(url).set('authorization', trainerB).send({ score: 5 })).status).toBe(404);

    // Bad grades name their field and change nothing.
    const tooMuch = await api
      .http()
      .post(url)
      .set('authorization', trainer)
      .send({
        criteria: [
          { criterion: 0, score: 5 },
          { criterion: 7, score: 1 },
        ],
      });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'criteria.0.score',
      'criteria.1.criterion',
    ]);
    const mismatch = await api
      .http()
      .post(url)
      .set('authorization', trainer)
      .send({ score: 9, criteria: [{ criterion: 0, score: 4 }] });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.errors[0].field).toBe('score');
    const malformed = await api.http().post(url).set('authorization', trainer).send({ score: '7', comment: 3 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['comment', 'score']);
    const objective = await api
      .http()
      .post(`/api/attempts/${attemptId}/answers/${questionIds.single_choice}/grade`)
      .set('authorization', trainer)
      .send({ score: 1 });
    expect(objective.status).toBe(422);
    expect((await reaches(attemptId, 'needs_review')).score).toBeNull();

    const graded = await api
      .http()
      .post(url)
      .set('authorization', trainer)
      .send({
        criteria: [
          { criterion: 0, score: 3 },
          { criterion: 1, score: 4 },
          { criterion: 2, score: 1.5 },
        ],
        comment: '步骤清楚，沟通部分可以更具体。',
      });
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({ score: 8.5, attemptStatus: 'finalized', gradedBy: world.trainerA.id });

    const final = await reaches(attemptId, 'finalized', trainee);
    expect(final).toMatchObject({ score: 10.5, maxScore: 12, percent: 87.5, passed: true });
    const essay = final.items.find((i: { question: { type: string } }) => i.question.type === 'essay');
    expect(essay.result).toMatchObject({ score: 8.5, comment: '步骤清楚，沟通部分可以更具体。' });
    expect(
      (await api.http().get(`/api/grading/pending?examId=${examId}`).set('authorization', trainer)).body.total,
    ).toBe(0);
    // Once final, grading again is refused, and the trainee was told exactly once.
    expect((await api.http().post(url).set('authorization', trainer).send({ score: 1 })).status).toBe(409);
    const told = await eventually(
      async () => {
        const [{ n }] = await api.dataSource.query(
          `SELECT count(*)::int AS n FROM notification WHERE kind = 'exam_result' AND link = $1`,
          [`/attempts/${attemptId}`],
        );
        return n > 0 ? n : undefined;
      },
      15_000,
      'the result notification',
    );
    expect(told).toBe(1);
  });

  it('regrades every attempt that used a corrected key and reports each score before and after', async () => {
    const examId = await exam({
      title: '判断题纠错',
      questionIds: [questionIds.single_choice, questionIds.true_false],
    });
    const truth = QUESTION_EXAMPLES.true_false.key.correct;
    const right = await sit(examId, trainee, { [questionIds.single_choice]: 'A', [questionIds.true_false]: truth });
    const wrong = await sit(examId, trainee2, { [questionIds.single_choice]: 'A', [questionIds.true_false]: !truth });
    await reaches(right, 'finalized');
    await reaches(wrong, 'finalized');
    const version = (await api.http().get(`/api/questions/${questionIds.true_false}`).set('authorization', trainer))
      .body.version;

    const bad = await api
      .http()
      .post(`/api/questions/${questionIds.true_false}/key-corrections`)
      .set('authorization', trainer)
      .send({ version, key: { correct: 'yes' }, reason: '' });
    expect(bad.status).toBe(400);
    const badKey = await api
      .http()
      .post(`/api/questions/${questionIds.true_false}/key-corrections`)
      .set('authorization', trainer)
      .send({ version, key: { correct: 'yes' }, reason: '答案写反了' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors[0].field).toBe('key.correct');
    expect(
      (
        await api
          .http()
          .post(`/api/questions/${questionIds.true_false}/key-corrections`)
          .set('authorization', trainee)
          .send({ version, key: { correct: !truth }, reason: '答案写反了' })
      ).status,
    ).toBe(403);

    const corrected = await api
      .http()
      .post(`/api/questions/${questionIds.true_false}/key-corrections`)
      .set('authorization', trainer)
      .send({ version, key: { correct: !truth }, reason: '答案写反了' });
    expect(corrected.status).toBe(202);
    expect(corrected.body).toMatchObject({ status: 'queued', version, reason: '答案写反了' });
    const done = await eventually(
      async () => {
        const list = await api
          .http()
          .get(`/api/questions/${questionIds.true_false}/key-corrections`)
          .set('authorization', trainer);
        return list.body[0]?.status === 'done' ? list.body[0] : undefined;
      },
      15_000,
      'the regrade',
    );
    const single = QUESTION_EXAMPLES.single_choice.points;
    const tf = QUESTION_EXAMPLES.true_false.points;
    const byAttempt = Object.fromEntries(done.report.attempts.map((a: { attemptId: string }) => [a.attemptId, a]));
    expect(byAttempt[right]).toMatchObject({ scoreBefore: single + tf, scoreAfter: single, passedBefore: true });
    expect(byAttempt[wrong]).toMatchObject({ scoreBefore: single, scoreAfter: single + tf, passedAfter: true });
    expect((await api.http().get(`/api/attempts/${wrong}`).set('authorization', trainee2)).body).toMatchObject({
      score: single + tf,
      percent: 100,
    });
    // The bank's question now carries the corrected key too.
    const question = (await api.http().get(`/api/questions/${questionIds.true_false}`).set('authorization', trainer))
      .body;
    expect(question.key).toEqual({ correct: !truth });

    // Running the regrade job again changes nothing.
    const before = await api.dataSource.query(`SELECT id, score FROM attempt WHERE exam_id = $1 ORDER BY id`, [examId]);
    await RequestContext.runAsSystem(() => api.app.get(KeyCorrectionsService).regrade(done.id));
    expect(
      await api.dataSource.query(`SELECT id, score FROM attempt WHERE exam_id = $1 ORDER BY id`, [examId]),
    ).toEqual(before);
  });

  it('hands in and grades an attempt whose browser is gone once its deadline has passed', async () => {
    const tasks = api.app.get(PeriodicTasks).all();
    expect(tasks.find((t) => t.name === 'attempt.sweep')?.everyMs).toBe(ATTEMPT_SWEEP_EVERY_MS);
    expect(ATTEMPT_SWEEP_EVERY_MS).toBeLessThanOrEqual(60_000);

    const examId = await exam({ title: '无人交卷', questionIds: [questionIds.single_choice] });
    const gone = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee)).body;
    await api
      .http()
      .put(`/api/attempts/${gone.id}/answers/${questionIds.single_choice}`)
      .set('authorization', trainee)
      .send({ response: 'A', seq: 1 });
    const fresh = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee2)).body;
    const sweep = () => RequestContext.runAsSystem(() => api.app.get(AttemptsService).submitOverdue());
    // Within the grace after the deadline nothing is handed in.
    await api.dataSource.query(`UPDATE attempt SET deadline_at = now() - interval '10 seconds' WHERE id = $1`, [
      gone.id,
    ]);
    expect(await sweep()).toBe(0);
    await api.dataSource.query(`UPDATE attempt SET deadline_at = now() - interval '31 seconds' WHERE id = $1`, [
      gone.id,
    ]);
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const graded = await reaches(gone.id, 'finalized', trainee);
    expect(graded).toMatchObject({ score: QUESTION_EXAMPLES.single_choice.points, percent: 100 });
    expect(graded.submittedAt).toBe(
      new Date(
        (await api.dataSource.query(`SELECT deadline_at FROM attempt WHERE id = $1`, [gone.id]))[0].deadline_at,
      ).toISOString(),
    );
    expect((await api.http().get(`/api/attempts/${fresh.id}`).set('authorization', trainee2)).body.status).toBe(
      'in_progress',
    );
  });

  it("lists a trainee's own exams with their window, attempts and latest result", async () => {
    const examId = await exam({
      title: '我的考试',
      questionIds: [questionIds.single_choice],
      assignees: { userIds: [world.traineeA.id] },
      overrides: [{ userId: world.traineeA.id, extraMinutes: 5, closesAt: minutesFromNow(120) }],
    });
    const mine = async (who: string) =>
      (await api.http().get('/api/me/exams').set('authorization', who)).body.find(
        (e: { exam: { id: string } }) => e.exam.id === examId,
      );
    expect(await mine(trainee)).toMatchObject({
      attemptsUsed: 0,
      openAttemptId: null,
      lastAttempt: null,
      canStart: true,
    });
    expect(new Date((await mine(trainee)).closesAt).getTime()).toBeGreaterThan(Date.now() + 110 * 60_000);
    expect(await mine(trainee2)).toBeUndefined();
    const attemptId = await sit(examId, trainee, { [questionIds.single_choice]: 'A' });
    await reaches(attemptId, 'finalized', trainee);
    expect(await mine(trainee)).toMatchObject({
      attemptsUsed: 1,
      openAttemptId: null,
      lastAttempt: { id: attemptId, status: 'finalized', percent: 100, passed: true },
      canStart: false,
    });
  });
});
