import { DEMO_PASSWORD } from '@cascade/server/api';
import { startTestApi, TestApi } from '@cascade/server/testing';

/** The demo's question bank, pre- and post-test and their graded attempts hold together. */
describe('demo exams', () => {
  let api: TestApi;
  let trainer: string;

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO: 'true' });
    trainer = await api.login('li.ming@cascade.demo', DEMO_PASSWORD);
  });
  afterAll(() => api?.close());

  const get = async (path: string, token = trainer) => {
    const response = await api.http().get(path).set('authorization', token);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };

  it('has a question bank of every type on the plan’s business processes, with scenarios', async () => {
    const plan = (await get('/api/training-plans')).data[0];
    const processes = plan.modules.map((m: { businessProcess: string }) => m.businessProcess);
    const bank = (await get('/api/questions?perPage=100')).data;
    expect(new Set(bank.map((q: { type: string }) => q.type)).size).toBe(7);
    for (const q of bank) expect(processes).toContain(q.businessProcess);
    expect(new Set(bank.map((q: { businessProcess: string }) => q.businessProcess)).size).toBe(processes.length);
    expect((await get('/api/scenarios')).total).toBeGreaterThanOrEqual(4);
  });

  it('has a closed pre-test and an open post-test with finalised attempts that add up', async () => {
    const plan = (await get('/api/training-plans')).data[0];
    const exams = (await get(`/api/exams?planId=${plan.id}`)).data;
    const pre = exams.find((e: { kind: string }) => e.kind === 'pre_test');
    const post = exams.find((e: { kind: string }) => e.kind === 'post_test');
    expect(new Date(pre.closesAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(post.opensAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(post.closesAt).getTime()).toBeGreaterThan(Date.now());

    const preResults = await get(`/api/exams/${pre.id}/results`);
    expect(preResults).toMatchObject({ assigned: 12, attempted: 12, finalized: 12 });
    const postResults = await get(`/api/exams/${post.id}/results`);
    expect(postResults).toMatchObject({ assigned: 12, attempted: 8, finalized: 8 });
    expect(postResults.averagePercent).toBeGreaterThan(preResults.averagePercent);

    // Each stored total is the sum of its items' scores.
    const mismatches = await api.dataSource.query(
      `SELECT a.id FROM attempt a JOIN attempt_item ai ON ai.attempt_id = a.id
        GROUP BY a.id HAVING a.score <> sum(ai.score) OR a.max_score <> sum(ai.points) OR bool_or(ai.score IS NULL)`,
    );
    expect(mismatches).toEqual([]);

    const analysis = await get(`/api/exams/${pre.id}/item-analysis`);
    expect(analysis.attempts).toBe(12);
    expect(analysis.items).toHaveLength(12);
    expect(analysis.reliability.method).toBe('alpha');

    const gain = await get(`/api/training-plans/${plan.id}/learning-gain`);
    expect(gain).toMatchObject({ preTestId: pre.id, postTestId: post.id });
    expect(gain.trainees).toHaveLength(12);
    expect(gain.processes).toHaveLength(4);
    expect(gain.averageGain).toBeGreaterThan(0);

    // A demo trainee can sit the post-test again, live.
    const trainee = await api.login('zhang.wei@huadong.demo', DEMO_PASSWORD);
    const attempt = await api.http().post(`/api/exams/${post.id}/attempts`).set('authorization', trainee);
    expect(attempt.status).toBe(201);
    expect(attempt.body.items).toHaveLength(12);
  });
});
