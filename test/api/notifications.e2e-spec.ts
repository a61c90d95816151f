import { TrainingPlanView } from '@cascade/contracts';
import { NotificationsService } from '@cascade/server/notifications';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  createPlan,
  createSession,
  createWorld,
  eventually,
  MailSink,
  readCalendarEvents,
  startMailSink,
  startTestApi,
  startWebhookReceiver,
  TestApi,
  WebhookReceiver,
  World,
} from '@cascade/server/testing';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';

/** What a receiver does with a Cascade webhook request, as the README shows it. */
function verifySignature(secret: string, headers: IncomingHttpHeaders, body: string, toleranceSeconds = 300): boolean {
  const header = String(headers['cascade-signature'] ?? '');
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const at = (days: number, hour: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe('notifications: email, webhooks and preferences', () => {
  let api: TestApi;
  let world: World;
  let mail: MailSink;
  let receiver: WebhookReceiver;
  let trainer: string;
  let manager: string;
  let admin: string;
  let plan: TrainingPlanView;
  let day = 20;

  const enrollInNewSession = async (userIds: string[]) => {
    day += 1;
    const session = await createSession(api, trainer, plan, {
      startsAt: at(day, 1),
      endsAt: at(day, 2),
      location: 'A',
    });
    const enrolled = await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds });
    expect(enrolled.status).toBe(200);
    return session;
  };

  beforeAll(async () => {
    [mail, receiver] = await Promise.all([startMailSink(), startWebhookReceiver()]);
    api = await startTestApi({
      SMTP_URL: mail.url,
      MAIL_FROM: 'Cascade <cascade@example.test>',
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_DISABLE_AFTER: '2',
    });
    world = await createWorld(api);
    [trainer, manager, admin] = await Promise.all(
      [world.trainerA, world.managerA, world.admin].map((u) => api.login(u.email)),
    );
    // trainee A reads Chinese (the default), trainee A2 English.
    const english = await api
      .http()
      .patch(`/api/users/${world.traineeA2.id}`)
      .set('authorization', admin)
      .send({ locale: 'en' });
    expect(english.status).toBe(200);
    plan = await createPlan(api, world, trainer);
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([mail?.stop(), receiver?.stop()]);
  });

  it('emails a scheduled session in each recipient’s language, with the .ics attached', async () => {
    const session = await enrollInNewSession([world.traineeA.id, world.traineeA2.id]);
    const [zh, en] = await eventually(
      async () => {
        const zhMail = mail.to(world.traineeA.email).find((m) => m.parsed.subject?.includes('采购下单'));
        const enMail = mail.to(world.traineeA2.email).find((m) => m.parsed.subject?.includes('采购下单'));
        return zhMail && enMail ? [zhMail, enMail] : undefined;
      },
      20_000,
      'both session emails',
    );
    expect(zh.parsed.subject).toBe('培训安排：采购下单');
    expect(zh.parsed.text).toContain('您已报名参加「采购下单」');
    expect(zh.parsed.html).toContain('在 Cascade 中查看');
    expect(en.parsed.subject).toBe('Training scheduled: 采购下单');
    expect(en.parsed.text).toContain('You are enrolled in "采购下单"');
    expect(en.parsed.text).toContain(`/sessions/${session.id}/show`);
    expect(en.parsed.from?.text).toContain('cascade@example.test');
    for (const received of [zh, en]) {
      const ics = received.parsed.attachments.find((a) => a.filename === 'session.ics');
      expect(ics?.contentType).toBe('text/calendar');
      const calendar = ics!.content.toString('utf8');
      expect(calendar).toContain('BEGIN:VCALENDAR');
      expect(calendar).toContain(`UID:${session.id}@cascade`);
      // Read as a calendar app reads it: the session's own instants, whatever its time zone.
      expect(readCalendarEvents(calendar).get(`${session.id}@cascade`)).toEqual({
        start: new Date(session.startsAt).toISOString(),
        end: new Date(session.endsAt).toISOString(),
      });
    }
    // The inbox got the same news.
    const inbox = await api
      .http()
      .get('/api/me/notifications')
      .set('authorization', await api.login(world.traineeA2.email));
    expect(inbox.body.data.map((n: { title: string }) => n.title)).toContain('Training scheduled: 采购下单');
  });

  it('keeps email off for an event a user turned it off for, the inbox still on', async () => {
    const trainee = await api.login(world.traineeA.email);
    const defaults = await api.http().get('/api/me/notification-preferences').set('authorization', trainee);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ emailAvailable: true, email: { 'session.scheduled': true } });
    const off = await api
      .http()
      .put('/api/me/notification-preferences')
      .set('authorization', trainee)
      .send({ email: { 'session.scheduled': false } });
    expect(off.status).toBe(200);
    expect(off.body.email).toMatchObject({ 'session.scheduled': false, 'session.cancelled': true });
    const bad = await api
      .http()
      .put('/api/me/notification-preferences')
      .set('authorization', trainee)
      .send({ email: { 'session.scheduled': 'no', 'made.up': true } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).join(' ')).toMatch(/email/);

    const zhBefore = mail.to(world.traineeA.email).length;
    day += 1;
    const session = await createSession(api, trainer, plan, {
      startsAt: at(day, 1),
      endsAt: at(day, 2),
      title: '偏好测试',
    });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id, world.traineeA2.id] });
    await eventually(
      async () => mail.to(world.traineeA2.email).some((m) => m.parsed.text?.includes(session.id)),
      20_000,
      'the English trainee’s email',
    );
    // The emails are queued in the transaction that writes the inbox items: none exists for trainee A.
    const queued = await api.dataSource.query(`SELECT user_id FROM outgoing_email WHERE text LIKE '%' || $1 || '%'`, [
      session.id,
    ]);
    expect(queued.map((r: { user_id: string }) => r.user_id)).toEqual([world.traineeA2.id]);
    expect(mail.to(world.traineeA.email).length).toBe(zhBefore);
    const inbox = await api.http().get('/api/me/notifications?perPage=100').set('authorization', trainee);
    expect(inbox.body.data.some((n: { link: string }) => n.link === `/sessions/${session.id}/show`)).toBe(true);
    await api
      .http()
      .put('/api/me/notification-preferences')
      .set('authorization', trainee)
      .send({ email: { 'session.scheduled': true } });
  });

  it('tells newly assigned people of an exam once, by email in their language', async () => {
    const { type, content, key, stem, points, difficulty, businessProcess } = QUESTION_EXAMPLES.single_choice;
    const question = await api.http().post('/api/questions').set('authorization', trainer).send({
      organizationId: world.clientA.id,
      type,
      content,
      key,
      stem,
      points,
      difficulty,
      businessProcess,
      status: 'active',
    });
    expect(question.status).toBe(201);
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '通知测试考试',
        kind: 'post_test',
        timeLimitMinutes: 30,
        passPercent: 60,
        opensAt: '2026-12-01T09:00:00+08:00',
        closesAt: '2026-12-01T18:00:00+08:00',
        questionIds: [question.body.id],
        assignees: { userIds: [world.traineeA2.id] },
      });
    expect(exam.status).toBe(201);
    const first = await eventually(
      async () => mail.to(world.traineeA2.email).find((m) => m.parsed.subject === 'Exam assigned: 通知测试考试'),
      20_000,
      'the exam email',
    );
    expect(first.parsed.text).toContain('open from');
    const updated = await api
      .http()
      .patch(`/api/exams/${exam.body.id}`)
      .set('authorization', trainer)
      .send({ assignees: { userIds: [world.traineeA2.id, world.traineeA.id] } });
    expect(updated.status).toBe(200);
    await eventually(
      async () => mail.to(world.traineeA.email).find((m) => m.parsed.subject === '新考试：通知测试考试'),
      20_000,
      'the newly assigned trainee’s email',
    );
    await api.relay();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      mail.to(world.traineeA2.email).filter((m) => m.parsed.subject === 'Exam assigned: 通知测试考试'),
    ).toHaveLength(1);
  });

  it('signs webhook requests and retries a failing receiver under the same delivery id', async () => {
    const created = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: `${receiver.url}/flaky`, events: ['session.scheduled'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organizationId: world.clientA.id,
      enabled: true,
      events: ['session.scheduled'],
    });
    // Generated, so shown this once and never again.
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    const read = await api.http().get(`/api/webhooks/${created.body.id}`).set('authorization', manager);
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    expect(JSON.stringify(read.body)).not.toContain(secret);

    receiver.script('/flaky', [500, 500], 200);
    const session = await enrollInNewSession([world.traineeA.id]);
    const requests = await eventually(
      async () => {
        const got = receiver.requests.filter((r) => r.path === '/flaky');
        return got.length >= 3 ? got : undefined;
      },
      20_000,
      'three webhook attempts',
    );
    expect(requests.map((r) => r.answered)).toEqual([500, 500, 200]);
    const deliveryIds = new Set(requests.map((r) => r.headers['cascade-delivery']));
    expect(deliveryIds.size).toBe(1);
    for (const request of requests) {
      expect(verifySignature(secret, request.headers, request.body)).toBe(true);
      expect(verifySignature('whsec_wrong', request.headers, request.body)).toBe(false);
      expect(request.headers['content-type']).toContain('application/json');
      expect(request.headers['cascade-event']).toBe('session.scheduled');
    }
    const body = JSON.parse(requests[2].body);
    expect(body).toMatchObject({
      id: requests[0].headers['cascade-delivery'],
      event: 'session.scheduled',
      organizationId: world.clientA.id,
      data: { session: { id: session.id, title: '采购下单' }, userIds: [world.traineeA.id] },
    });
    // A tampered body no longer verifies.
    expect(verifySignature(secret, requests[2].headers, requests[2].body.replace('采购', '销售'))).toBe(false);

    const log = await eventually(
      async () => {
        const response = await api
          .http()
          .get(`/api/webhooks/${created.body.id}/deliveries`)
          .set('authorization', manager);
        return response.body.total === 3 && response.body.data[0].deliveryStatus === 'delivered'
          ? response.body
          : undefined;
      },
      10_000,
      'the delivery log',
    );
    expect(
      log.data.map((a: { attempt: number; statusCode: number; ok: boolean }) => [a.attempt, a.statusCode, a.ok]),
    ).toEqual([
      [3, 200, true],
      [2, 500, false],
      [1, 500, false],
    ]);
    await api.http().delete(`/api/webhooks/${created.body.id}`).set('authorization', manager).expect(204);
  });

  it('disables a webhook whose deliveries keep failing and tells its owner', async () => {
    const created = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: `${receiver.url}/down`, events: ['session.cancelled'], secret: 'a-secret-of-the-client-1234' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toBeUndefined();
    receiver.script('/down', [], 503);
    // Two deliveries that fail all three attempts each (WEBHOOK_DISABLE_AFTER=2).
    for (let i = 0; i < 2; i += 1) {
      const session = await enrollInNewSession([world.traineeA2.id]);
      const cancelled = await api
        .http()
        .post(`/api/sessions/${session.id}/cancel`)
        .set('authorization', trainer)
        .send({ reason: '停电' });
      expect(cancelled.status).toBe(200);
    }
    const disabled = await eventually(
      async () => {
        const response = await api.http().get(`/api/webhooks/${created.body.id}`).set('authorization', manager);
        return response.body.enabled === false ? response.body : undefined;
      },
      30_000,
      'the webhook disabled',
    );
    expect(disabled).toMatchObject({ consecutiveFailures: 2, disabledReason: expect.stringContaining('2 deliveries') });
    expect(receiver.requests.filter((r) => r.path === '/down')).toHaveLength(6);
    const told = await eventually(
      async () => mail.to(world.managerA.email).find((m) => m.parsed.subject === 'Webhook 已停用'),
      20_000,
      'the owner’s email',
    );
    expect(told.parsed.text).toContain(`${receiver.url}/down`);
    const inbox = await api.http().get('/api/me/notifications').set('authorization', manager);
    expect(inbox.body.data.map((n: { kind: string }) => n.kind)).toContain('webhook_disabled');

    // Enabled again, it starts from a clean count and delivers.
    receiver.script('/down', [], 200);
    const enabled = await api
      .http()
      .patch(`/api/webhooks/${created.body.id}`)
      .set('authorization', manager)
      .send({ enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
  });

  it('offers notify() to other areas: every channel once per key, however often called', async () => {
    const hook = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: `${receiver.url}/feedback`, events: ['feedback.requested'] });
    expect(hook.status).toBe(201);
    const notifications = api.app.get(NotificationsService);
    const send = () =>
      notifications.notify(
        'feedback.requested',
        [world.traineeA.id, world.traineeA2.id],
        { title: '收货与质检', reminder: '' },
        {
          key: 'feedback-request:test-1',
          varsFor: (person) => ({ when: person.locale === 'en' ? 'Dec 1, 2026' : '2026年12月1日' }),
          link: '/feedback/test-1',
          organizationId: world.clientA.id,
          data: { requestId: 'test-1' },
        },
      );
    await Promise.all([send(), send()]);
    await send();
    const [zh, en] = await eventually(
      async () => {
        const zhMail = mail.to(world.traineeA.email).find((m) => m.parsed.subject === '请评价培训：收货与质检');
        const enMail = mail.to(world.traineeA2.email).find((m) => m.parsed.subject === 'Your feedback on 收货与质检');
        const hit = receiver.requests.find((r) => r.path === '/feedback');
        return zhMail && enMail && hit ? [zhMail, enMail] : undefined;
      },
      20_000,
      'the feedback request by email and webhook',
    );
    expect(zh.parsed.text).toContain('2026年12月1日');
    expect(en.parsed.text).toContain('on Dec 1, 2026');
    expect(en.parsed.text).toContain('/feedback/test-1');
    await api.relay();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      mail.to(world.traineeA2.email).filter((m) => m.parsed.subject === 'Your feedback on 收货与质检'),
    ).toHaveLength(1);
    const hits = receiver.requests.filter((r) => r.path === '/feedback');
    expect(hits).toHaveLength(1);
    expect(JSON.parse(hits[0].body)).toMatchObject({ event: 'feedback.requested', data: { requestId: 'test-1' } });
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE dedupe_key LIKE 'feedback-request:test-1:%'`,
    );
    expect(n).toBe(2);
  });

  it('validates webhooks: scheme, events, shape, who may manage them', async () => {
    const ftp = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: 'ftp://example.com/in', events: ['session.scheduled'] });
    expect(ftp.status).toBe(422);
    expect(ftp.headers['content-type']).toContain('application/problem+json');
    expect(ftp.body.errors).toEqual([{ field: 'url', message: expect.stringContaining('https or http') }]);
    const garbage = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: 'not a url', events: ['session.scheduled'] });
    expect(garbage.status).toBe(422);
    expect(garbage.body.errors[0].field).toBe('url');
    for (const body of [
      { url: `${receiver.url}/x`, events: ['made.up'] },
      { url: `${receiver.url}/x`, events: [] },
      { url: `${receiver.url}/x`, events: ['session.scheduled'], secret: 'short' },
      { url: 42, events: ['session.scheduled'] },
      { url: `${receiver.url}/x`, events: ['session.scheduled'], extra: true },
    ]) {
      const response = await api.http().post('/api/webhooks').set('authorization', manager).send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    const trainee = await api.login(world.traineeA.email);
    expect((await api.http().get('/api/webhooks').set('authorization', trainer)).status).toBe(403);
    expect((await api.http().get('/api/webhooks').set('authorization', trainee)).status).toBe(403);

    const own = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', admin)
      .send({ organizationId: world.clientA.id, url: `${receiver.url}/x`, events: ['exam.assigned'] });
    expect(own.status).toBe(201);
    const vendor = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', admin)
      .send({ organizationId: world.vendor.id, url: `${receiver.url}/x`, events: ['exam.assigned'] });
    expect(vendor.status).toBe(422);
    expect(vendor.body.errors[0].field).toBe('organizationId');
    // Another client's manager neither sees nor reaches it.
    const managerB = await api.login(world.managerB.email);
    expect((await api.http().get(`/api/webhooks/${own.body.id}`).set('authorization', managerB)).status).toBe(404);
    expect(
      (await api.http().patch(`/api/webhooks/${own.body.id}`).set('authorization', managerB).send({ enabled: false }))
        .status,
    ).toBe(404);
    const listB = await api.http().get('/api/webhooks').set('authorization', managerB);
    expect(listB.body.total).toBe(0);
    const foreign = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', managerB)
      .send({ organizationId: world.clientA.id, url: `${receiver.url}/x`, events: ['exam.assigned'] });
    expect(foreign.status).toBe(404);
    const rotated = await api.http().post(`/api/webhooks/${own.body.id}/rotate-secret`).set('authorization', manager);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
  });
});

describe('notifications: private webhook addresses, and no SMTP configured', () => {
  let api: TestApi;
  let world: World;
  let manager: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startTestApi({ WEBHOOK_MAX_ATTEMPTS: '1' });
    world = await createWorld(api);
    manager = await api.login(world.managerA.email);
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.stop();
  });

  it.each([
    'http://127.0.0.1:8080/in',
    'http://localhost/in',
    'https://10.1.2.3/in',
    'http://192.168.1.20/in',
    'http://172.20.0.5/in',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/in',
    'http://[fe80::1]/in',
    'http://[::ffff:127.0.0.1]/in',
    'http://[64:ff9b::7f00:1]/in',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
    'http://[::127.0.0.1]/in',
    'http://[::ffff:0:127.0.0.1]/in',
    'http://[2002:7f00:1::]/in',
    'http://[2001::7f00:1]/in',
    'http://[100::1]/in',
    'https://[2001:db8::1]/in',
  ])('refuses %s with 422 naming url', async (url) => {
    const response = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url, events: ['session.scheduled'] });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/not allowed|resolve/) }]);
  });

  it('also refuses a private address on update', async () => {
    const created = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: 'https://93.184.215.14/in', events: ['session.scheduled'] });
    expect(created.status).toBe(201);
    const moved = await api
      .http()
      .patch(`/api/webhooks/${created.body.id}`)
      .set('authorization', manager)
      .send({ url: 'http://127.0.0.1/in' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors[0].field).toBe('url');
  });

  it('accepts public addresses, IPv6 ones included', async () => {
    for (const url of ['https://93.184.215.14/in', 'https://[2606:4700::1111]/in', 'https://[64:ff9b::5db8:d70e]/in']) {
      const response = await api
        .http()
        .post('/api/webhooks')
        .set('authorization', manager)
        .send({ url, events: ['session.scheduled'], enabled: false });
      expect({ url, status: response.status }).toEqual({ url, status: 201 });
    }
  });

  it('answers null or mistyped webhook fields with 400 naming the field', async () => {
    const created = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: 'https://93.184.215.14/in', events: ['session.scheduled'], enabled: false });
    expect(created.status).toBe(201);
    for (const [field, value] of [
      ['url', null],
      ['url', 42],
      ['secret', null],
      ['events', null],
      ['events', 'session.scheduled'],
      ['enabled', null],
      ['enabled', 'yes'],
    ] as const) {
      const response = await api
        .http()
        .patch(`/api/webhooks/${created.body.id}`)
        .set('authorization', manager)
        .send({ [field]: value });
      expect({ field, value, status: response.status }).toEqual({ field, value, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    for (const [field, value] of [
      ['url', null],
      ['organizationId', null],
      ['secret', null],
      ['enabled', null],
    ] as const) {
      const response = await api
        .http()
        .post('/api/webhooks')
        .set('authorization', manager)
        .send({ url: 'https://93.184.215.14/in', events: ['session.scheduled'], [field]: value });
      expect({ field, value, status: response.status }).toEqual({ field, value, status: 400 });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const unchanged = await api.http().get(`/api/webhooks/${created.body.id}`).set('authorization', manager);
    expect(unchanged.body.url).toBe('https://93.184.215.14/in');
  });

  it('checks the address again at send time and never calls a host that now resolves privately', async () => {
    const created = await api
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: 'https://93.184.215.14/in', events: ['feedback.requested'] });
    expect(created.status).toBe(201);
    // As if the name's DNS answer had changed since it was saved: `localhost` resolves to loopback.
    const rebound = `http://localhost:${new URL(receiver.url).port}/rebound`;
    await api.dataSource.query(`UPDATE webhook SET url = $1 WHERE id = $2`, [rebound, created.body.id]);
    await api.app
      .get(NotificationsService)
      .notify(
        'feedback.requested',
        [world.traineeA.id],
        { title: '收货与质检', reminder: '', when: '2026年12月1日' },
        { key: 'feedback-request:rebound', link: '/feedback/rebound', organizationId: world.clientA.id },
      );
    const attempts = await eventually(
      async () => {
        const log = await api.http().get(`/api/webhooks/${created.body.id}/deliveries`).set('authorization', manager);
        return log.body.total >= 1 && log.body.data[0].deliveryStatus === 'failed' ? log.body.data : undefined;
      },
      20_000,
      'the refused delivery',
    );
    expect(attempts[0]).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/not allowed/) });
    expect(receiver.requests).toHaveLength(0);
  });

  it('without SMTP queues no email and says so in the preferences', async () => {
    const trainer = await api.login(world.trainerA.email);
    const plan = await createPlan(api, world, trainer);
    const session = await createSession(api, trainer, plan);
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
    const trainee = await api.login(world.traineeA.email);
    await eventually(async () => {
      const inbox = await api.http().get('/api/me/notifications').set('authorization', trainee);
      return inbox.body.data.some((n: { kind: string }) => n.kind === 'session_enrolled');
    });
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM outgoing_email`);
    expect(n).toBe(0);
    const preferences = await api.http().get('/api/me/notification-preferences').set('authorization', trainee);
    expect(preferences.body.emailAvailable).toBe(false);
  });
});

describe('notifications: a worker restart in the middle of retries', () => {
  let mail: MailSink;
  let receiver: WebhookReceiver;
  let first: TestApi;
  let second: TestApi | undefined;
  let firstStopped = false;

  beforeAll(async () => {
    [mail, receiver] = await Promise.all([startMailSink(), startWebhookReceiver()]);
  });
  afterAll(async () => {
    await second?.close();
    if (firstStopped) await first.database.drop();
    else await first?.close();
    await Promise.all([mail?.stop(), receiver?.stop()]);
  });

  it('delivers every email and webhook exactly once across the restart', async () => {
    const env = { SMTP_URL: mail.url, WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_MAX_ATTEMPTS: '5' };
    first = await startTestApi(env);
    const world = await createWorld(first);
    const [trainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => first.login(u.email)));
    const created = await first
      .http()
      .post('/api/webhooks')
      .set('authorization', manager)
      .send({ url: `${receiver.url}/restart`, events: ['session.scheduled'] });
    expect(created.status).toBe(201);
    receiver.script('/restart', [500], 200);
    const plan = await createPlan(first, world, trainer);
    const session = await createSession(first, trainer, plan);
    await first
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id, world.traineeA2.id] });
    // The first attempt fails; the worker stops while the retry waits in its backoff.
    await eventually(async () => receiver.requests.some((r) => r.path === '/restart'), 20_000, 'the first attempt');
    // Stopped, not dropped: the second instance plays the restarted worker on the same data.
    await first.app.close();
    firstStopped = true;
    second = await startTestApi({ ...env, QUEUE_PREFIX: first.config.queue.prefix }, { database: first.database });

    const delivered = await eventually(
      async () => {
        const ok = receiver.requests.filter((r) => r.path === '/restart' && r.answered === 200);
        return ok.length >= 1 && mail.mails.length >= 2 ? ok : undefined;
      },
      30_000,
      'the retried delivery and both emails',
    );
    // Long enough for the relay to hand over anything unfinished again (OUTBOX_REDELIVER_AFTER_MS=2000).
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const hits = receiver.requests.filter((r) => r.path === '/restart');
    expect(hits.filter((r) => r.answered === 200)).toHaveLength(1);
    expect(new Set(hits.map((r) => r.headers['cascade-delivery'])).size).toBe(1);
    expect(delivered[0].headers['cascade-delivery']).toBe(hits[0].headers['cascade-delivery']);
    expect(mail.to(world.traineeA.email)).toHaveLength(1);
    expect(mail.to(world.traineeA2.email)).toHaveLength(1);
    const [{ n }] = await second.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL AND job_name IN ('notification.email', 'webhook.deliver')`,
    );
    expect(n).toBe(0);
  });
});
