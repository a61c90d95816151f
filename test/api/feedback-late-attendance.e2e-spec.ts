import { RequestContext } from '@cascade/server/core';
import { FeedbackService } from '@cascade/server/feedback';
import {
  addClientUsers,
  createPlan,
  createSession,
  createWorld,
  eventually,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

/**
 * Everyone marked present is asked for feedback exactly once, whether the trainer marks them
 * before the session's feedback round went out or after it, and however often they are
 * marked present, absent and present again.
 */
describe('feedback for late-marked attendance', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let people: { id: string; token: string }[];
  let sessionId: string;
  let formId: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    trainer = await api.login(world.trainerA.email);
    const made = await addClientUsers(
      api,
      world,
      ['准时', '反复', '补签', '月后补签'].map((name) => ({ name, departmentId: null })),
    );
    people = await Promise.all(made.map(async (p) => ({ id: p.id, token: await api.login(p.email) })));
    const form = await api
      .http()
      .post('/api/feedback-forms')
      .set('authorization', trainer)
      .send({
        organizationId: world.vendor.id,
        title: '课后反馈',
        items: [{ id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲解清楚' }],
      });
    expect(form.status).toBe(201);
    formId = form.body.id;
    const plan = await createPlan(api, world, trainer, { title: '补签反馈计划' });
    const session = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(-180),
      endsAt: minutesFromNow(-60),
    });
    sessionId = session.id;
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: people.map((p) => p.id) });
    const chosen = await api
      .http()
      .put(`/api/training-plans/${plan.id}/feedback-form`)
      .set('authorization', trainer)
      .send({ formId });
    expect(chosen.status).toBe(200);
  });
  afterAll(() => api?.close());

  const mark = async (userId: string, status: 'present' | 'absent') => {
    const marked = await api
      .http()
      .post(`/api/sessions/${sessionId}/attendance`)
      .set('authorization', trainer)
      .send({ userId, status });
    expect(marked.status).toBe(200);
  };
  const sweep = () => RequestContext.runAsSystem(() => api.app.get(FeedbackService).requestForEndedSessions());
  const requestsOf = async (userId: string): Promise<{ id: string }[]> =>
    api.dataSource.query(`SELECT id FROM feedback_request WHERE session_id = $1 AND user_id = $2`, [sessionId, userId]);
  /** The request (0 h) and its two reminders (24 h, 72 h) as queued for one request. */
  const remindersOf = async (requestId: string): Promise<number[]> =>
    (
      await api.dataSource.query(
        `SELECT round(extract(epoch FROM available_at - created_at) / 3600)::int AS hours FROM outbox
          WHERE job_name = 'feedback.remind' AND payload->>'requestId' = $1 ORDER BY available_at`,
        [requestId],
      )
    ).map((r: { hours: number }) => r.hours);
  const askedInInbox = async (token: string): Promise<number> =>
    (await api.http().get('/api/me/notifications?perPage=100').set('authorization', token)).body.data.filter(
      (n: { kind: string }) => n.kind === 'feedback_requested',
    ).length;

  it('asks those marked before the round once, also after present, absent and present again', async () => {
    const [onTime, flipFlop, late] = people;
    await mark(onTime.id, 'present');
    await mark(flipFlop.id, 'present');
    await mark(flipFlop.id, 'absent');
    await mark(flipFlop.id, 'present');
    expect(await sweep()).toBe(2);
    expect(await sweep()).toBe(0);
    for (const person of [onTime, flipFlop]) {
      const requests = await requestsOf(person.id);
      expect(requests).toHaveLength(1);
      expect(await remindersOf(requests[0].id)).toEqual([0, 24, 72]);
    }
    expect(await requestsOf(late.id)).toEqual([]);
  });

  it('asks an attendee marked present after the round went out, exactly once', async () => {
    const late = people[2];
    await mark(late.id, 'present');
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const [request, ...more] = await requestsOf(late.id);
    expect(more).toEqual([]);
    expect(await remindersOf(request.id)).toEqual([0, 24, 72]);
    await eventually(async () => (await askedInInbox(late.token)) === 1, 15_000, 'the late request in the inbox');
    const mine = (await api.http().get('/api/me/feedback-requests').set('authorization', late.token)).body;
    expect(mine).toEqual([expect.objectContaining({ id: request.id, sessionId, respondedAt: null })]);
    const [round] = await api.dataSource.query(`SELECT requested FROM feedback_round WHERE session_id = $1`, [
      sessionId,
    ]);
    expect(round.requested).toBe(3);

    // Marked absent and present again: still the one request, nothing new queued.
    await mark(late.id, 'absent');
    expect(await sweep()).toBe(0);
    await mark(late.id, 'present');
    expect(await sweep()).toBe(0);
    expect(await requestsOf(late.id)).toEqual([request]);
    expect(await remindersOf(request.id)).toEqual([0, 24, 72]);
    await api.relay();
    expect(await askedInInbox(late.token)).toBe(1);

    const given = await api
      .http()
      .post(`/api/sessions/${sessionId}/feedback`)
      .set('authorization', late.token)
      .send({ formId, answers: [{ itemId: 'clarity', trainerId: world.trainerA.id, value: 5 }] });
    expect(given.status).toBe(201);
    const answered = (await api.http().get('/api/me/feedback-requests').set('authorization', late.token)).body;
    expect(answered[0].respondedAt).not.toBeNull();
  });

  it('asks someone marked present weeks after the round went out, once', async () => {
    const weeksLater = people[3];
    // The round went out a month ago; the sheet is corrected today.
    await api.dataSource.query(
      `UPDATE feedback_round SET requested_at = requested_at - interval '30 days' WHERE session_id = $1`,
      [sessionId],
    );
    await mark(weeksLater.id, 'present');
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    expect(await requestsOf(weeksLater.id)).toHaveLength(1);
  });
});
