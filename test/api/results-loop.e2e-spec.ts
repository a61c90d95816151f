import { RequestContext } from '@cascade/server/core';
import { ResultsLoopService } from '@cascade/server/exams';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
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

interface Person {
  id: string;
  name: string;
  token: string;
}

/**
 * Results going back: each trainee their own once released, the department's manager a digest
 * naming the excellent and the most improved, and a private follow-up list of who failed or
 * was absent for the trainers and the manager.
 */
describe('results loop', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let manager: string;
  /** Five trainees of client A's department. */
  let p: Person[];
  const q: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => api.login(u.email)));
    const made = await addClientUsers(
      api,
      world,
      ['王芳', '李强', '赵磊', '孙丽', '周杰'].map((name) => ({ name })),
    );
    p = await Promise.all(made.map(async (u) => ({ id: u.id, name: u.name, token: await api.login(u.email) })));
    for (const type of ['single_choice', 'true_false'] as const) {
      const response = await api
        .http()
        .post('/api/questions')
        .set('authorization', trainer)
        .send({ organizationId: world.clientA.id, ...QUESTION_EXAMPLES[type], status: 'active' });
      q[type] = response.body.id;
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
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        showResults: 'after_close',
        assignees: { userIds: p.map((x) => x.id) },
        ...fields,
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const right = { single: 'A', truth: QUESTION_EXAMPLES.true_false.key.correct };
  /** Sits an exam with the two questions, each answered right or wrong, and waits for the grade. */
  const sit = async (examId: string, who: Person, single: boolean, truth: boolean) => {
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', who.token)).body;
    const answer = (questionId: string, response: unknown) =>
      api
        .http()
        .put(`/api/attempts/${attempt.id}/answers/${questionId}`)
        .set('authorization', who.token)
        .send({ response, seq: 1 });
    await answer(q.single_choice, single ? right.single : 'B');
    await answer(q.true_false, truth ? right.truth : !right.truth);
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', who.token);
    await eventually(
      async () =>
        (await api.dataSource.query(`SELECT status FROM attempt WHERE id = $1`, [attempt.id]))[0].status ===
          'finalized' || undefined,
      15_000,
      'grading',
    );
    return attempt.id as string;
  };

  const inbox = async (token: string, kind: string) =>
    (await api.http().get('/api/me/notifications?perPage=100').set('authorization', token)).body.data.filter(
      (n: { kind: string }) => n.kind === kind,
    );

  it("keeps each client's recognition policy, set by its own managers", async () => {
    const url = `/api/organizations/${world.clientA.id}/recognition-policy`;
    expect((await api.http().get(url).set('authorization', manager)).body).toMatchObject({
      excellentThreshold: 90,
      nameExcellent: true,
      followUpRecipients: ['trainers', 'department_managers'],
      updatedAt: null,
    });
    const policy = {
      excellentThreshold: 90,
      nameExcellent: true,
      nameMostImproved: true,
      followUpRecipients: ['trainers', 'department_managers'],
    };
    const saved = await api.http().put(url).set('authorization', manager).send(policy);
    expect(saved.status).toBe(200);
    expect(saved.body.updatedAt).not.toBeNull();
    expect((await api.http().put(url).set('authorization', trainer).send(policy)).status).toBe(403);
    expect((await api.http().put(url).set('authorization', p[0].token).send(policy)).status).toBe(403);
    const managerB = await api.login(world.managerB.email);
    expect((await api.http().put(url).set('authorization', managerB).send(policy)).status).toBe(404);
    const bad = await api
      .http()
      .put(url)
      .set('authorization', manager)
      .send({
        excellentThreshold: 120,
        nameExcellent: 'yes',
        nameMostImproved: true,
        followUpRecipients: ['everyone'],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'excellentThreshold',
      'followUpRecipients',
      'nameExcellent',
    ]);
  });

  it('sends each trainee their result, the manager a digest naming the excellent and most improved, and a private follow-up list', async () => {
    const plan = await createPlan(api, world, trainer, { title: '结果回传计划' });
    const pre = await exam({
      title: '前测',
      kind: 'pre_test',
      planId: plan.id,
      questionIds: [q.single_choice, q.true_false],
    });
    // Pre-test: 王芳 0%, 李强 100%, 赵磊 0%, 孙丽 0%.
    await sit(pre, p[0], false, false);
    await sit(pre, p[1], true, true);
    await sit(pre, p[2], false, false);
    await sit(pre, p[3], false, false);
    const post = await exam({
      title: '后测',
      kind: 'post_test',
      planId: plan.id,
      questionIds: [q.single_choice, q.true_false],
    });
    // Post-test: 王芳 100% (+100), 李强 100%, 赵磊 single only, 孙丽 0%; 周杰 absent.
    const single = QUESTION_EXAMPLES.single_choice.points;
    const truth = QUESTION_EXAMPLES.true_false.points;
    const zhaoPercent = Math.round((single / (single + truth)) * 10000) / 100;
    await sit(post, p[0], true, true);
    await sit(post, p[1], true, true);
    const zhao = await sit(post, p[2], true, false);
    await sit(post, p[3], false, false);

    // Held back until released: the trainee sees no score yet.
    expect((await api.http().get(`/api/attempts/${zhao}`).set('authorization', p[2].token)).body.resultsVisible).toBe(
      false,
    );
    // Nothing is released while an attempt waits for grading.
    await api.dataSource.query(`UPDATE attempt SET status = 'needs_review' WHERE id = $1`, [zhao]);
    const early = await api.http().post(`/api/exams/${post}/release-results`).set('authorization', trainer);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'GRADING_PENDING', pending: 1 });
    await api.dataSource.query(`UPDATE attempt SET status = 'finalized' WHERE id = $1`, [zhao]);
    expect((await api.http().post(`/api/exams/${post}/release-results`).set('authorization', p[0].token)).status).toBe(
      403,
    );

    const released = await api.http().post(`/api/exams/${post}/release-results`).set('authorization', trainer);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ examId: post, trigger: 'trainer', releasedBy: world.trainerA.id });
    const again = await api.http().post(`/api/exams/${post}/release-results`).set('authorization', trainer);
    expect(again.body.releasedAt).toBe(released.body.releasedAt);

    const results = await eventually(
      async () => {
        const mine = await inbox(p[2].token, 'exam_result');
        return mine.find((n: { body: string }) => n.body.includes('%，')) ? mine : undefined;
      },
      15_000,
      'the released result',
    );
    expect(results.find((n: { body: string }) => n.body.includes('%，')).body).toBe(
      `您的「后测」成绩为 ${zhaoPercent}%，已通过。`,
    );
    expect((await api.http().get(`/api/attempts/${zhao}`).set('authorization', p[2].token)).body).toMatchObject({
      resultsVisible: true,
      percent: zhaoPercent,
    });

    const [digest] = await eventually(
      async () => {
        const found = await inbox(manager, 'results_digest');
        return found.length ? found : undefined;
      },
      15_000,
      'the digest',
    );
    expect(digest.title).toBe('部门成绩摘要：后测（采购部）');
    expect(digest.body).toBe(
      `参加 4/5，通过率 75%，平均成绩 ${Math.round(((100 + 100 + zhaoPercent + 0) / 4) * 10) / 10}%。` +
        `表现优秀：李强（100%）、王芳（100%）。进步最大：王芳（+100）、赵磊（+${Math.round(zhaoPercent * 10) / 10}）。其他 1 人。`,
    );
    // 孙丽 failed and 周杰 was absent: only the trainers and the manager hear of it.
    const [followUp] = await eventually(
      async () => {
        const found = await inbox(trainer, 'results_follow_up');
        return found.length ? found : undefined;
      },
      15_000,
      'the follow-up list',
    );
    expect(followUp.body).toBe('未通过：孙丽 (0%)。缺考：周杰。此名单仅供培训讲师和部门经理跟进辅导，请勿转发。');
    expect(await inbox(manager, 'results_follow_up')).toHaveLength(1);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE kind IN ('results_follow_up', 'results_digest') AND user_id = ANY($1::uuid[])`,
      [p.map((x) => x.id)],
    );
    expect(n).toBe(0);

    // Read live: the manager's own department; the follow-up list is not for trainees.
    const digests = (await api.http().get(`/api/exams/${post}/digests`).set('authorization', manager)).body;
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ participated: 4, assigned: 5, passed: 3, excellentCount: 2, othersCount: 1 });
    expect((await api.http().get(`/api/exams/${post}/follow-up`).set('authorization', p[0].token)).status).toBe(403);
    const managerB = await api.login(world.managerB.email);
    expect((await api.http().get(`/api/exams/${post}/digests`).set('authorization', managerB)).status).toBe(404);

    // A policy that does not name the excellent counts them instead.
    await api
      .http()
      .put(`/api/organizations/${world.clientA.id}/recognition-policy`)
      .set('authorization', manager)
      .send({
        excellentThreshold: 90,
        nameExcellent: false,
        nameMostImproved: false,
        followUpRecipients: ['trainers'],
      });
    const quiet = (await api.http().get(`/api/exams/${post}/digests`).set('authorization', manager)).body[0];
    expect(quiet).toMatchObject({ excellent: [], excellentCount: 2, mostImproved: [], othersCount: 2 });
    expect((await api.http().get(`/api/exams/${post}/follow-up`).set('authorization', manager)).status).toBe(403);
  });

  it('releases an exam by itself once it has closed and nothing waits for grading', async () => {
    const closing = await exam({ title: '自动发布', kind: 'certification', questionIds: [q.true_false] });
    const attempt = (await api.http().post(`/api/exams/${closing}/attempts`).set('authorization', p[4].token)).body;
    const loop = api.app.get(ResultsLoopService);
    const sweep = () => RequestContext.runAsSystem(() => loop.releaseClosed());
    await api.dataSource.query(`UPDATE exam SET closes_at = now() - interval '1 minute' WHERE id = $1`, [closing]);
    // Still open for someone (the attempt is in progress): not yet.
    expect(await sweep()).toBe(0);
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', p[4].token);
    await eventually(
      async () =>
        (await api.dataSource.query(`SELECT status FROM attempt WHERE id = $1`, [attempt.id]))[0].status ===
          'finalized' || undefined,
      15_000,
      'grading',
    );
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const [release] = await api.dataSource.query(`SELECT trigger FROM results_release WHERE exam_id = $1`, [closing]);
    expect(release.trigger).toBe('close');
    await eventually(async () => (await inbox(p[4].token, 'exam_result')).length === 2 || undefined, 15_000, 'result');
  });
});
