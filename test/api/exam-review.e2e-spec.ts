import { AttemptView, QuestionType, REVIEW_MODES, ReviewMode } from '@cascade/contracts';
import { DEMO_PASSWORD } from '@cascade/server/api';
import { FrozenQuestion, QUESTION_EXAMPLES, toTraineeView } from '@cascade/server/questions';
import {
  addClientUsers,
  createPlan,
  createWorld,
  eventually,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

/** Words that only an answer key contains. */
const KEY_FIELDS = ['"key"', '"correct"', '"accepted"', '"order"', '"pairs"', '"rubric"', '"ignoreCase"', '"scoring"'];

/** What a view gives away of the answers: per-item results and any field of a key. */
const revealed = (view: AttemptView) => ({
  answersVisible: view.answersVisible,
  results: view.items.filter((item) => item.result !== undefined).length,
  keyFields: KEY_FIELDS.filter((field) => JSON.stringify(view).includes(field)),
});
const NOTHING_REVEALED = { answersVisible: false, results: 0, keyFields: [] };

/** An answer built from a key, as someone who read it would give it. */
function answerFromKey(type: QuestionType, key: unknown): unknown {
  const k = key as Record<string, unknown>;
  switch (type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'true_false':
      return k.correct;
    case 'fill_in':
      return (k.accepted as string[][]).map((accepted) => accepted[0]);
    case 'ordering':
      return k.order;
    case 'matching':
      return k.pairs;
    case 'essay':
      return undefined;
  }
}

/** Each question's key as a view shows it, by question id (none when nothing leaks). */
const keysIn = (view: AttemptView) =>
  new Map(
    view.items
      .filter((item) => item.result?.key !== undefined && item.result?.key !== null)
      .map((item) => [item.question.questionId, { type: item.question.type, key: item.result!.key }]),
  );

describe('reviewing an attempt', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainee: string;
  let trainee2: string;
  const questionIds = {} as Record<QuestionType, string>;
  const OBJECTIVE = ['single_choice', 'true_false', 'ordering', 'matching'] as const;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, trainee, trainee2] = await Promise.all(
      [world.trainerA, world.traineeA, world.traineeA2].map((u) => api.login(u.email)),
    );
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

  const createExam = async (fields: Record<string, unknown> = {}) => {
    const response = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '复核测验',
        kind: 'post_test',
        questionIds: OBJECTIVE.map((type) => questionIds[type]),
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-30),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        showResults: 'immediately',
        attemptsAllowed: 2,
        assignees: { userIds: [world.traineeA.id, world.traineeA2.id] },
        ...fields,
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const patchExam = async (examId: string, body: Record<string, unknown>) => {
    const response = await api.http().patch(`/api/exams/${examId}`).set('authorization', trainer).send(body);
    expect(response.status).toBe(200);
    return response.body;
  };

  const start = async (examId: string, token: string): Promise<AttemptView> => {
    const response = await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', token);
    expect(response.status).toBe(201);
    return response.body;
  };

  const answer = async (attemptId: string, token: string, questionId: string, response: unknown) => {
    const saved = await api
      .http()
      .put(`/api/attempts/${attemptId}/answers/${questionId}`)
      .set('authorization', token)
      .send({ response, seq: 1 });
    expect(saved.status).toBe(200);
  };

  const submit = async (attemptId: string, token: string) =>
    expect((await api.http().post(`/api/attempts/${attemptId}/submit`).set('authorization', token)).status).toBe(200);

  const read = async (attemptId: string, token: string): Promise<AttemptView> => {
    const response = await api.http().get(`/api/attempts/${attemptId}`).set('authorization', token);
    expect(response.status).toBe(200);
    return response.body;
  };

  const reaches = (attemptId: string, status: string, token = trainer) =>
    eventually(
      async () => {
        const view = await read(attemptId, token);
        return view.status === status ? view : undefined;
      },
      15_000,
      `attempt ${attemptId} to be ${status}`,
    );

  /** Starts, answers the true-or-false question rightly, hands in and waits for the queue to finalise. */
  const sit = async (examId: string, token: string) => {
    const attempt = await start(examId, token);
    await answer(attempt.id, token, questionIds.true_false, QUESTION_EXAMPLES.true_false.key.correct);
    await submit(attempt.id, token);
    await reaches(attempt.id, 'finalized');
    return attempt.id;
  };

  const expectKeys = (view: AttemptView) => {
    expect(view.answersVisible).toBe(true);
    for (const item of view.items) {
      const type = item.question.type;
      expect({ type, key: item.result?.key }).toEqual({ type, key: QUESTION_EXAMPLES[type].key });
    }
  };

  it('defaults to score only, for new exams and for those from before review modes, and checks the mode', async () => {
    const examId = await createExam();
    const exam = (await api.http().get(`/api/exams/${examId}`).set('authorization', trainer)).body;
    expect(exam.reviewMode).toBe('score_only');
    const [column] = await api.dataSource.query(
      `SELECT column_default, is_nullable FROM information_schema.columns WHERE table_name = 'exam' AND column_name = 'review_mode'`,
    );
    expect(column).toEqual({ column_default: "'score_only'::text", is_nullable: 'NO' });

    const wrong = await api
      .http()
      .patch(`/api/exams/${examId}`)
      .set('authorization', trainer)
      .send({ reviewMode: 'always' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['reviewMode']);
    expect((await patchExam(examId, { reviewMode: 'after_close' })).reviewMode).toBe('after_close');

    const schema = (await api.http().get('/api/docs-json')).body.components.schemas.CreateExamDto;
    expect(schema.properties.reviewMode.enum).toEqual([...REVIEW_MODES]);
  });

  it('score_only: shows the score and pass or fail, never the marks of an answer or a key', async () => {
    const examId = await createExam({ reviewMode: 'score_only', attemptsAllowed: 1 });
    const attemptId = await sit(examId, trainee);
    const view = await read(attemptId, trainee);
    expect(view).toMatchObject({
      reviewMode: 'score_only',
      resultsVisible: true,
      score: 1,
      maxScore: 11,
      passed: false,
    });
    expect(revealed(view)).toEqual(NOTHING_REVEALED);

    // Not after the close either.
    await patchExam(examId, { closesAt: minutesFromNow(-1) });
    expect(revealed(await read(attemptId, trainee))).toEqual(NOTHING_REVEALED);
    // Trainers still see every answer's marks and key; a manager never a key.
    expectKeys(await read(attemptId, trainer));
    const manager = await api.login(world.managerA.email);
    const asManager = await api.http().get(`/api/attempts/${attemptId}`).set('authorization', manager);
    const managerSees = JSON.stringify(asManager.body);
    expect(KEY_FIELDS.filter((field) => field !== '"key"' && managerSees.includes(field))).toEqual([]);
    expect(managerSees).not.toMatch(/"key":(?!null)/);
  });

  it('after_close: answers once the window has closed for the person, an override included', async () => {
    const examId = await createExam({ reviewMode: 'after_close' });
    const first = await sit(examId, trainee);
    expect(revealed(await read(first, trainee))).toEqual(NOTHING_REVEALED);
    // No attempt left, but the window is still open: still nothing.
    const second = await sit(examId, trainee);
    expect(revealed(await read(first, trainee))).toEqual(NOTHING_REVEALED);
    expect(revealed(await read(second, trainee))).toEqual(NOTHING_REVEALED);
    const other = await sit(examId, trainee2);

    // The exam closes, but the second trainee's own window runs on.
    await patchExam(examId, {
      closesAt: minutesFromNow(-1),
      overrides: [{ userId: world.traineeA2.id, closesAt: minutesFromNow(60) }],
    });
    expectKeys(await read(first, trainee));
    expectKeys(await read(second, trainee));
    expect((await read(first, trainee)).score).toBe(1);
    expect(revealed(await read(other, trainee2))).toEqual(NOTHING_REVEALED);

    await patchExam(examId, { overrides: [] });
    expectKeys(await read(other, trainee2));
  });

  it('no_attempt_left: answers once every attempt is used and final, while the window is still open', async () => {
    const examId = await createExam({
      reviewMode: 'no_attempt_left',
      questionIds: [questionIds.true_false, questionIds.essay],
    });
    const grade = async (attemptId: string) => {
      await reaches(attemptId, 'needs_review');
      const graded = await api
        .http()
        .post(`/api/attempts/${attemptId}/answers/${questionIds.essay}/grade`)
        .set('authorization', trainer)
        .send({ score: 6, comment: '要点齐全。' });
      expect(graded.status).toBe(200);
      return reaches(attemptId, 'finalized', trainee);
    };
    const first = await start(examId, trainee);
    await answer(first.id, trainee, questionIds.essay, '先核对订单，再与采购沟通。');
    await submit(first.id, trainee);
    expect(revealed(await grade(first.id))).toEqual(NOTHING_REVEALED);

    // While the second attempt is open, then while it waits for a trainer: still nothing.
    const second = await start(examId, trainee);
    expect(revealed(second)).toEqual(NOTHING_REVEALED);
    expect(revealed(await read(first.id, trainee))).toEqual(NOTHING_REVEALED);
    await submit(second.id, trainee);
    await reaches(second.id, 'needs_review');
    expect(revealed(await read(first.id, trainee))).toEqual(NOTHING_REVEALED);

    // Both final, none left: the marks, the comment and the keys, rubric included.
    await grade(second.id);
    for (const attemptId of [first.id, second.id]) {
      const view = await read(attemptId, trainee);
      expectKeys(view);
      expect(view.items.find((item) => item.question.type === 'essay')!.result).toMatchObject({
        score: 6,
        comment: '要点齐全。',
      });
    }
  });

  it('刘洋, with a second attempt allowed and his window open, reads no key in any mode and cannot score from one', async () => {
    const [liuYang] = await addClientUsers(api, world, [{ name: '刘洋', isKeyUser: true }]);
    const token = await api.login(liuYang.email);
    const examId = await createExam({
      title: '上线培训后测',
      questionIds: [...OBJECTIVE, 'multiple_choice', 'fill_in'].map((type) => questionIds[type as QuestionType]),
      assignees: { userIds: [liuYang.id] },
    });
    const first = await start(examId, token);
    await submit(first.id, token);
    await reaches(first.id, 'finalized');

    const leaked = new Map<string, { type: QuestionType; key: unknown }>();
    for (const mode of REVIEW_MODES) {
      await patchExam(examId, { reviewMode: mode });
      const view = await read(first.id, token);
      // The score is his to see at once; no answer's mark and no key is.
      expect(view).toMatchObject({ reviewMode: mode, resultsVisible: true, score: 0, passed: false });
      expect({ mode, ...revealed(view) }).toEqual({ mode, ...NOTHING_REVEALED });
      for (const [id, key] of keysIn(view)) leaked.set(id, key);
    }

    // His second attempt, answered from whatever the first one gave away, scores nothing.
    const second = await start(examId, token);
    expect(revealed(second)).toEqual(NOTHING_REVEALED);
    for (const [questionId, { type, key }] of leaked)
      await answer(second.id, token, questionId, answerFromKey(type, key));
    expect(revealed(await read(first.id, token))).toEqual(NOTHING_REVEALED);
    await submit(second.id, token);
    const graded = await reaches(second.id, 'finalized');
    expect({ leaked: leaked.size, score: graded.score }).toEqual({ leaked: 0, score: 0 });

    // Nothing is left for him now, so the mode that waits for that shows the answers.
    expectKeys(await read(first.id, token));
    await patchExam(examId, { reviewMode: 'after_close' });
    expect(revealed(await read(first.id, token))).toEqual(NOTHING_REVEALED);
  });

  it('keeps choice options in the author’s order unless the exam shuffles them; ordering items are shuffled either way', async () => {
    const frozen = (type: QuestionType): FrozenQuestion =>
      ({
        ...structuredClone(QUESTION_EXAMPLES[type]),
        questionId: questionIds[type],
        version: 1,
        scenario: null,
      }) as FrozenQuestion;
    const ids = (items: { id: string }[]) => items.map((item) => item.id).join('');
    const shown = (view: AttemptView, type: QuestionType) =>
      view.items.find((item) => item.question.type === type)!.question;
    const authored = ids(QUESTION_EXAMPLES.multiple_choice.content.options);

    for (const shuffleOptions of [false, true]) {
      const examId = await createExam({
        questionIds: [questionIds.multiple_choice, questionIds.ordering],
        shuffleOptions,
        attemptsAllowed: 6,
        assignees: { userIds: [world.traineeA2.id] },
      });
      const orders = new Set<string>();
      for (let sitting = 0; sitting < 6; sitting++) {
        const attempt = await start(examId, trainee2);
        const again = await read(attempt.id, trainee2);
        for (const type of ['multiple_choice', 'ordering'] as const) {
          // Exactly the view of this attempt, and the same on a reload.
          const expected = toTraineeView(frozen(type), { sitting: attempt.id, shuffleOptions });
          expect(shown(attempt, type).content).toEqual(expected.content);
          expect(shown(again, type).content).toEqual(expected.content);
        }
        const options = shown(attempt, 'multiple_choice');
        if (options.type === 'multiple_choice') orders.add(ids(options.content.options));
        await submit(attempt.id, trainee2);
      }
      if (shuffleOptions) expect(orders.size).toBeGreaterThan(1);
      else expect([...orders]).toEqual([authored]);
    }
  });

  describe('starting an attempt', () => {
    const attemptsOf = async (examId: string, userId: string) => {
      const [{ n }] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM attempt WHERE exam_id = $1 AND user_id = $2`,
        [examId, userId],
      );
      return n as number;
    };

    it('is refused to a client manager, a trainer or an admin the exam is not assigned to, and creates nothing', async () => {
      const examId = await createExam({ assignees: { userIds: [world.traineeA.id] } });
      for (const person of [world.managerA, world.trainerA, world.admin]) {
        const token = await api.login(person.email);
        const refused = await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', token);
        expect({ who: person.email, status: refused.status, code: refused.body.code }).toEqual({
          who: person.email,
          status: 403,
          code: 'EXAM_NOT_ASSIGNED',
        });
        expect(await attemptsOf(examId, person.id)).toBe(0);
      }
      // A trainee not assigned, or a manager of another client, does not learn the exam exists.
      expect((await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', trainee2)).status).toBe(404);
      const managerB = await api.login(world.managerB.email);
      expect((await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', managerB)).status).toBe(404);
      expect(await attemptsOf(examId, world.traineeA2.id)).toBe(0);
      expect(await attemptsOf(examId, world.managerB.id)).toBe(0);
    });

    it('is allowed to a manager assigned by name or through the plan', async () => {
      const manager = await api.login(world.managerA.email);
      const byName = await createExam({ assignees: { userIds: [world.managerA.id] } });
      expect((await api.http().post(`/api/exams/${byName}/attempts`).set('authorization', manager)).status).toBe(201);

      const plan = await createPlan(api, world, trainer, {
        targets: [{ userId: world.managerA.id, kind: 'key_user', businessProcess: '采购 / 下单' }],
      });
      const byPlan = await createExam({ planId: plan.id, assignees: { planTrainees: true, userIds: [] } });
      expect((await api.http().post(`/api/exams/${byPlan}/attempts`).set('authorization', manager)).status).toBe(201);
      expect(await attemptsOf(byPlan, world.managerA.id)).toBe(1);
      // The plan does not target client A's trainer.
      const refused = await api.http().post(`/api/exams/${byPlan}/attempts`).set('authorization', trainer);
      expect(refused.body.code).toBe('EXAM_NOT_ASSIGNED');
    });
  });
});

/** The demo's own case: 刘洋 has a final first post-test, a second one allowed, and the window open. */
describe('reviewing a demo attempt', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO: 'true' });
  });
  afterAll(() => api?.close());

  it('shows 刘洋 his post-test score but no key in any mode, before or during his second attempt', async () => {
    const liuYang = await api.login('liu.yang@huadong.demo', DEMO_PASSWORD);
    const trainer = await api.login('li.ming@cascade.demo', DEMO_PASSWORD);
    const mine = (await api.http().get('/api/me/exams').set('authorization', liuYang)).body as {
      exam: { id: string; kind: string; attemptsAllowed: number };
      attemptsUsed: number;
      canStart: boolean;
      lastAttempt: { id: string; status: string } | null;
    }[];
    const post = mine.find((m) => m.exam.kind === 'post_test')!;
    expect(post).toMatchObject({ attemptsUsed: 1, canStart: true, lastAttempt: { status: 'finalized' } });
    expect(post.exam.attemptsAllowed).toBe(2);

    const read = async (attemptId: string): Promise<AttemptView> =>
      (await api.http().get(`/api/attempts/${attemptId}`).set('authorization', liuYang)).body;
    const setMode = async (reviewMode: ReviewMode) =>
      expect(
        (await api.http().patch(`/api/exams/${post.exam.id}`).set('authorization', trainer).send({ reviewMode }))
          .status,
      ).toBe(200);

    for (const mode of REVIEW_MODES) {
      await setMode(mode);
      const view = await read(post.lastAttempt!.id);
      expect(view.resultsVisible).toBe(true);
      expect(view.percent).not.toBeNull();
      expect({ mode, ...revealed(view) }).toEqual({ mode, ...NOTHING_REVEALED });
    }

    const second = await api.http().post(`/api/exams/${post.exam.id}/attempts`).set('authorization', liuYang);
    expect(second.status).toBe(201);
    expect(revealed(second.body)).toEqual(NOTHING_REVEALED);
    for (const mode of REVIEW_MODES) {
      await setMode(mode);
      expect({ mode, ...revealed(await read(post.lastAttempt!.id)) }).toEqual({ mode, ...NOTHING_REVEALED });
    }
  });
});
