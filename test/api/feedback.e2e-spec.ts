import { RequestContext } from '@cascade/server/core';
import { FeedbackService } from '@cascade/server/feedback';
import { JobHandlers } from '@cascade/server/queue';
import {
  addClientUsers,
  createPlan,
  createSession,
  createWorld,
  eventually,
  minutesFromNow,
  MailSink,
  startMailSink,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

/** Feedback forms, requests after a session, one response per attendee, anonymity and summaries. */
describe('feedback', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let manager: string;
  /** Five trainees of client A, all attending. */
  let attendees: { id: string; email: string; token: string }[];
  let mail: MailSink;

  beforeAll(async () => {
    mail = await startMailSink();
    api = await startTestApi({ SMTP_URL: mail.url });
    world = await createWorld(api);
    [trainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => api.login(u.email)));
    const extra = await addClientUsers(
      api,
      world,
      [1, 2, 3].map((n) => ({ name: `学员${n}`, departmentId: null })),
    );
    const people = [world.traineeA, world.traineeA2, ...extra];
    attendees = await Promise.all(
      people.map(async (p) => ({ id: p.id, email: p.email, token: await api.login(p.email) })),
    );
  });
  afterAll(async () => {
    await api?.close();
    await mail?.stop();
  });

  const ITEMS = [
    { id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲解清楚' },
    { id: 'nps', type: 'nps_0_10', about: 'session', text: '您向同事推荐本次培训的可能性' },
    { id: 'pace', type: 'single_choice', about: 'content', text: '节奏', options: ['太快', '合适', '太慢'] },
    { id: 'comment', type: 'free_text', about: 'trainer', text: '对讲师的建议', required: false },
  ];

  const form = async (fields: Record<string, unknown> = {}) => {
    const response = await api
      .http()
      .post('/api/feedback-forms')
      .set('authorization', trainer)
      .send({ organizationId: world.vendor.id, title: '培训反馈', items: ITEMS, ...fields });
    expect(response.status).toBe(201);
    return response.body;
  };

  /** A session that has ended, with everyone attending and the given form as the plan's default. */
  let sessionsMade = 0;
  const endedSession = async (formId: string) => {
    // Each one earlier than the last, so trainers and trainees are never booked twice.
    const shift = 180 * sessionsMade++;
    const plan = await createPlan(api, world, trainer, { title: `反馈计划 ${Math.random()}` });
    const session = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(-120 - shift),
      endsAt: minutesFromNow(-10 - shift),
    });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: attendees.map((a) => a.id) });
    for (const [i, person] of attendees.entries()) {
      const marked = await api
        .http()
        .post(`/api/sessions/${session.id}/attendance`)
        .set('authorization', trainer)
        .send({ userId: person.id, status: i === 0 ? 'late' : 'present' });
      expect(marked.status).toBe(200);
    }
    const chosen = await api
      .http()
      .put(`/api/training-plans/${plan.id}/feedback-form`)
      .set('authorization', trainer)
      .send({ formId });
    expect(chosen.status).toBe(200);
    return session;
  };

  const answers = (likert: number, nps: number, comment?: string) => [
    { itemId: 'clarity', trainerId: world.trainerA.id, value: likert },
    { itemId: 'nps', value: nps },
    { itemId: 'pace', value: '合适' },
    ...(comment ? [{ itemId: 'comment', trainerId: world.trainerA.id, value: comment }] : []),
  ];

  it('checks a form: options only on single choices, distinct item ids, every field named', async () => {
    const bad = await api
      .http()
      .post('/api/feedback-forms')
      .set('authorization', trainer)
      .send({
        organizationId: world.vendor.id,
        title: '坏表单',
        items: [
          { id: 'a', type: 'single_choice', about: 'content', text: '无选项' },
          { id: 'a', type: 'likert_5', about: 'trainer', text: '重复', options: ['x', 'y'] },
        ],
      });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'items.0.options',
      'items.1.id',
      'items.1.options',
    ]);
    const malformed = await api
      .http()
      .post('/api/feedback-forms')
      .set('authorization', trainer)
      .send({ organizationId: world.vendor.id, title: 'x', items: [{ type: 'stars', about: 'me', text: '' }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'items.0.about',
      'items.0.text',
      'items.0.type',
    ]);
    const made = await form({ items: [{ type: 'likert_5', about: 'session', text: '总体满意度' }] });
    expect(made.items[0]).toMatchObject({ id: 'q1', required: true, options: null });
  });

  it('asks each attendee once when the session ends, takes one response each, and summarises', async () => {
    const named = await form();
    const session = await endedSession(named.id);
    const feedback = api.app.get(FeedbackService);
    expect(await RequestContext.runAsSystem(() => feedback.requestForEndedSessions())).toBe(5);
    expect(await RequestContext.runAsSystem(() => feedback.requestForEndedSessions())).toBe(0);
    const [first, second] = attendees;
    const requests = await eventually(
      async () => {
        const mine = (await api.http().get('/api/me/feedback-requests').set('authorization', first.token)).body;
        const inbox = (await api.http().get('/api/me/notifications').set('authorization', first.token)).body;
        return inbox.data.some((n: { kind: string }) => n.kind === 'feedback_requested') ? mine : undefined;
      },
      15_000,
      'the feedback request in the inbox',
    );
    expect(requests[0]).toMatchObject({
      sessionId: session.id,
      respondedAt: null,
      trainers: [{ id: world.trainerA.id, name: 'trainer-a' }],
      form: { id: named.id },
    });
    // The request goes by email too, in the person's language.
    const received = await eventually(
      async () => mail.to(first.email.toLowerCase()).find((m) => m.parsed.subject?.startsWith('请评价培训')),
      15_000,
      'the feedback request by email',
    );
    expect(received.parsed.subject).toBe(`请评价培训：${session.title}`);
    // The two reminders wait in the outbox, 24 and 72 hours out.
    const delays: { hours: number }[] = await api.dataSource.query(
      `SELECT round(extract(epoch FROM available_at - created_at) / 3600)::int AS hours FROM outbox
        WHERE job_name = 'feedback.remind' AND payload->>'requestId' = $1 ORDER BY available_at`,
      [requests[0].id],
    );
    expect(delays.map((d) => d.hours)).toEqual([0, 24, 72]);

    const url = `/api/sessions/${session.id}/feedback`;
    const six = await api
      .http()
      .post(url)
      .set('authorization', first.token)
      .send({ formId: named.id, answers: answers(6, 9) });
    expect(six.status).toBe(400);
    expect(six.body.errors[0].field).toBe('answers.0.value');
    const noTrainer = await api
      .http()
      .post(url)
      .set('authorization', first.token)
      .send({ formId: named.id, answers: [{ itemId: 'clarity', value: 4 }, ...answers(4, 9).slice(1)] });
    expect(noTrainer.body.errors[0].field).toBe('answers.0.trainerId');
    const missing = await api
      .http()
      .post(url)
      .set('authorization', first.token)
      .send({ formId: named.id, answers: answers(4, 9).slice(0, 1) });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('answers');
    const garbage = await api.http().post(url).set('authorization', first.token).send({ formId: 'x', answers: 'no' });
    expect(garbage.status).toBe(400);

    const given = await api
      .http()
      .post(url)
      .set('authorization', first.token)
      .send({ formId: named.id, answers: answers(5, 10, '案例贴近我们的业务') });
    expect(given.status).toBe(201);
    const twice = await api
      .http()
      .post(url)
      .set('authorization', first.token)
      .send({ formId: named.id, answers: answers(1, 0) });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('FEEDBACK_GIVEN');
    await api
      .http()
      .post(url)
      .set('authorization', second.token)
      .send({ formId: named.id, answers: answers(3, 6) });
    // Someone who did not attend (client A's manager) cannot answer.
    const stranger = await api
      .http()
      .post(url)
      .set('authorization', manager)
      .send({ formId: named.id, answers: answers(5, 10) });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('NOT_FOUND');

    const summary = (await api.http().get(`/api/sessions/${session.id}/feedback-summary`).set('authorization', manager))
      .body;
    expect(summary).toMatchObject({ responses: 2, attendees: 5, withheld: false, anonymous: false });
    const item = (id: string) => summary.items.find((i: { itemId: string }) => i.itemId === id);
    expect(item('clarity')).toMatchObject({ trainerId: world.trainerA.id, mean: 4, responses: 2 });
    expect(item('clarity').distribution.find((d: { value: string }) => d.value === '5').count).toBe(1);
    // One promoter (10) and one detractor (6): NPS 0.
    expect(item('nps')).toMatchObject({ mean: 8, nps: 0 });
    expect(item('pace').distribution).toEqual([
      { value: '太快', count: 0 },
      { value: '合适', count: 2 },
      { value: '太慢', count: 0 },
    ]);
    expect(item('comment').comments).toEqual(['案例贴近我们的业务']);

    const trainerView = (
      await api.http().get(`/api/users/${world.trainerA.id}/trainer-feedback`).set('authorization', manager)
    ).body;
    expect(trainerView).toMatchObject({ overallMean: 4, responses: 2 });
    expect(trainerView.perModule[0]).toMatchObject({ moduleTitle: '采购下单', mean: 4, responses: 2 });
    // Client B sees none of it.
    const managerB = await api.login(world.managerB.email);
    expect(
      (await api.http().get(`/api/sessions/${session.id}/feedback-summary`).set('authorization', managerB)).status,
    ).toBe(404);

    // Answered: the reminders for this person do nothing.
    const remind = api.app.get(JobHandlers).get('feedback.remind')!;
    await RequestContext.runAsSystem(() =>
      remind({ requestId: requests[0].id, reminder: 1 }, { jobId: 'reminder-after-answer', attemptsMade: 1 }),
    );
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'feedback_requested' AND title LIKE '提醒%'`,
      [first.id],
    );
    expect(n).toBe(0);
  });

  it('keeps anonymous answers unlinked to their authors and withholds summaries under three responses', async () => {
    const anonymous = await form({ title: '匿名反馈', anonymous: true });
    const session = await endedSession(anonymous.id);
    const url = `/api/sessions/${session.id}/feedback`;
    for (const [i, person] of attendees.slice(0, 2).entries()) {
      const given = await api
        .http()
        .post(url)
        .set('authorization', person.token)
        .send({ formId: anonymous.id, answers: answers(2 + i, 7) });
      expect(given.status).toBe(201);
    }
    const early = (await api.http().get(`/api/sessions/${session.id}/feedback-summary`).set('authorization', manager))
      .body;
    // Two anonymous responses wait for a batch: not even their number is shown yet.
    expect(early).toMatchObject({ responses: 0, withheld: true, items: [] });
    const trainerEarly = (
      await api.http().get(`/api/users/${world.trainerA.id}/trainer-feedback`).set('authorization', manager)
    ).body;
    await api
      .http()
      .post(url)
      .set('authorization', attendees[2].token)
      .send({ formId: anonymous.id, answers: answers(4, 7) });
    const full = (await api.http().get(`/api/sessions/${session.id}/feedback-summary`).set('authorization', manager))
      .body;
    expect(full).toMatchObject({ responses: 3, withheld: false });
    expect(full.items.find((i: { itemId: string }) => i.itemId === 'clarity').mean).toBe(3);
    const trainerLater = (
      await api.http().get(`/api/users/${world.trainerA.id}/trainer-feedback`).set('authorization', manager)
    ).body;
    expect(trainerLater.responses).toBe(trainerEarly.responses + 3);

    // Nothing stored with an anonymous response names or times its author.
    const stored = await api.dataSource.query(
      `SELECT r.*, a.trainer_id FROM feedback_response r JOIN feedback_answer a ON a.response_id = r.id
        WHERE r.session_id = $1`,
      [session.id],
    );
    const authors = attendees.map((a) => a.id);
    for (const row of stored) {
      expect(row.user_id).toBeNull();
      for (const value of Object.values(row)) expect(authors).not.toContain(value);
    }
    const columns: { column_name: string; data_type: string }[] = await api.dataSource.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'feedback_response'`,
    );
    expect(columns.filter((c) => c.data_type.startsWith('timestamp'))).toEqual([]);
    // The request only says that they answered.
    const marks = await api.dataSource.query(
      `SELECT user_id FROM feedback_request WHERE session_id = $1 AND responded_at IS NOT NULL ORDER BY user_id`,
      [session.id],
    );
    expect(marks).toHaveLength(3);
  });
});
