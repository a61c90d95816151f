import { DEMO_PASSWORD } from '@cascade/server/api';
import { FeedbackService } from '@cascade/server/feedback';
import { startTestApi, TestApi } from '@cascade/server/testing';

interface ItemSummary {
  itemId: string;
  type: string;
  trainerName: string | null;
  responses: number;
  mean: number | null;
  nps: number | null;
  distribution: { value: string; count: number }[];
  comments: string[];
}

/** The demo's past sessions carry answered feedback, so its summaries have something to show. */
describe('demo feedback', () => {
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

  const pastSessions = async () =>
    (
      await api.dataSource.query(
        `SELECT id FROM training_session WHERE ends_at < now() AND status <> 'cancelled' ORDER BY starts_at`,
      )
    ).map((r: { id: string }) => r.id) as string[];

  it('summarises every past session from the answers of most attendees', async () => {
    const sessions = await pastSessions();
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    let comments = 0;
    for (const id of sessions) {
      const summary = await get(`/api/sessions/${id}/feedback-summary`);
      expect(summary.withheld).toBe(false);
      expect(summary.responses).toBeGreaterThanOrEqual(Math.ceil(summary.attendees / 2));
      expect(summary.responses).toBeLessThanOrEqual(summary.attendees);
      const items = summary.items as ItemSummary[];
      expect(new Set(items.map((i) => i.type))).toEqual(
        new Set(['likert_5', 'nps_0_10', 'single_choice', 'free_text']),
      );
      for (const item of items.filter((i) => i.type === 'likert_5')) {
        expect(item.trainerName).not.toBeNull();
        expect(item.responses).toBe(summary.responses);
        expect(item.mean).toBeGreaterThanOrEqual(1);
        expect(item.mean).toBeLessThanOrEqual(5);
      }
      const nps = items.find((i) => i.type === 'nps_0_10')!;
      expect(nps.distribution.reduce((s, d) => s + d.count, 0)).toBe(summary.responses);
      expect(nps.nps).not.toBeNull();
      comments += items.find((i) => i.type === 'free_text')!.comments.length;
    }
    expect(comments).toBeGreaterThanOrEqual(3);
  });

  it("shows each consultant's ratings per module", async () => {
    const [{ id }] = await api.dataSource.query(`SELECT id FROM app_user WHERE email = 'li.ming@cascade.demo'`);
    const view = await get(`/api/users/${id}/trainer-feedback`);
    expect(view.overallMean).toBeGreaterThan(3);
    expect(view.perModule.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves a request open for the demo to answer, and the sweep asks nobody again', async () => {
    const sun = await api.login('sun.li@huadong.demo', DEMO_PASSWORD);
    const requests = await get('/api/me/feedback-requests', sun);
    const open = requests.find((r: { respondedAt: string | null }) => r.respondedAt === null);
    expect(open).toBeDefined();
    expect(await api.app.get(FeedbackService).requestForEndedSessions()).toBe(0);
    const answers = open.form.items.flatMap(
      (item: { id: string; type: string; about: string; options: string[] | null }) => {
        const value = item.type === 'likert_5' ? 4 : item.type === 'nps_0_10' ? 8 : item.options?.[1];
        if (value === undefined) return [];
        return item.about === 'trainer'
          ? open.trainers.map((t: { id: string }) => ({ itemId: item.id, trainerId: t.id, value }))
          : [{ itemId: item.id, value }];
      },
    );
    const given = await api
      .http()
      .post(`/api/sessions/${open.sessionId}/feedback`)
      .set('authorization', sun)
      .send({ formId: open.form.id, answers });
    expect(given.status).toBe(201);
  });
});
