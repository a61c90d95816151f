import { DEMO_PASSWORD } from '@cascade/server/api';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { ApiProcess, eventually, startApiProcess } from '@cascade/server/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(240_000);

/**
 * The start command on a machine with neither PostgreSQL nor Redis configured: embedded
 * PostgreSQL in DATA_DIR, BullMQ on its PostgreSQL backend, api and worker in one process.
 */
describe('embedded default (no DATABASE_URL, no REDIS_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cascade-embedded-'));
  const env = {
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    PROCESS_ROLE: undefined,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  let api: ApiProcess;

  const json = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
    });
    return { status: response.status, body: await response.json() };
  };
  const login = async (email: string, password: string) =>
    (await json('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) })).body
      .accessToken as string;

  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, says which mode it runs in, and serves the demo data', async () => {
    api = await startApiProcess(env);
    expect(api.output()).toContain('database: embedded PostgreSQL');
    expect(api.output()).toContain('queue: the PostgreSQL queue backend');
    const health = await json('/health');
    expect(health.body).toEqual({ status: 'ok', database: 'up', queue: { status: 'up', backend: 'postgres' } });
    const token = await login('admin@cascade.demo', DEMO_PASSWORD);
    const users = await json('/api/users?perPage=100', { token });
    expect(users.body.total).toBeGreaterThanOrEqual(17);
  });

  it('creates a user whose welcome arrives through the outbox and the queue', async () => {
    const admin = await login('admin@cascade.demo', DEMO_PASSWORD);
    const orgs = await json('/api/organizations?kind=client', { token: admin });
    const created = await json('/api/users', {
      method: 'POST',
      token: admin,
      body: JSON.stringify({
        organizationId: orgs.body.data[0].id,
        email: 'embedded.user@example.test',
        name: '嵌入模式用户',
        roles: ['trainee'],
        password: 'embedded-pass-1',
      }),
    });
    expect(created.status).toBe(201);
    const token = await login('embedded.user@example.test', 'embedded-pass-1');
    const inbox = await eventually(
      async () => {
        const response = await json('/api/me/notifications', { token });
        return response.body.total === 1 ? response.body : undefined;
      },
      30_000,
      'the welcome notification',
    );
    expect(inbox.data[0]).toMatchObject({ kind: 'welcome', title: '欢迎使用 Cascade' });
  });

  it('serves many requests at once and runs a session’s sign-in', async () => {
    const admin = await login('admin@cascade.demo', DEMO_PASSWORD);
    const users = (await json('/api/users?perPage=100', { token: admin })).body.data as { id: string; email: string }[];
    // A console page asks for many records at once; the single embedded connection serialises them.
    const answers = await Promise.all(users.map((u) => json(`/api/users/${u.id}`, { token: admin })));
    expect(answers.map((a) => a.status)).toEqual(users.map(() => 200));

    const trainer = await login('li.ming@cascade.demo', DEMO_PASSWORD);
    const sessions = (
      await json(`/api/sessions?perPage=100&from=${encodeURIComponent(new Date().toISOString())}`, { token: trainer })
    ).body.data as {
      id: string;
      checkInOpensAt: string;
      enrollments: { userId: string }[];
    }[];
    const open = sessions.find((s) => new Date(s.checkInOpensAt) <= new Date());
    expect(open).toBeDefined();
    const code = await json(`/api/sessions/${open!.id}/check-in-code`, { token: trainer });
    expect(code.status).toBe(200);
    const trainee = users.find((u) => u.id === open!.enrollments[0].userId)!;
    const traineeToken = await login(trainee.email, DEMO_PASSWORD);
    const checkIns = await Promise.all(
      [1, 2, 3].map(() =>
        json(`/api/sessions/${open!.id}/check-ins`, {
          method: 'POST',
          token: traineeToken,
          body: JSON.stringify({ code: code.body.code }),
        }),
      ),
    );
    expect(checkIns.map((c) => c.status).sort()).toEqual([200, 200, 201]);
    const sheet = await json(`/api/sessions/${open!.id}/attendance`, { token: trainer });
    expect(sheet.body.checkedIn).toBe(1);
  });

  it('grades a submitted attempt through the queue', async () => {
    const trainer = await login('li.ming@cascade.demo', DEMO_PASSWORD);
    const client = (await json('/api/organizations?kind=client', { token: trainer })).body.data[0].id as string;
    const question = await json('/api/questions', {
      method: 'POST',
      token: trainer,
      body: JSON.stringify({ organizationId: client, ...QUESTION_EXAMPLES.true_false, status: 'active' }),
    });
    expect(question.status).toBe(201);
    const trainee = (await json('/api/users?q=zhang.wei', { token: trainer })).body.data[0].id as string;
    const exam = await json('/api/exams', {
      method: 'POST',
      token: trainer,
      body: JSON.stringify({
        organizationId: client,
        title: '嵌入模式测验',
        kind: 'practice',
        questionIds: [question.body.id],
        timeLimitMinutes: 10,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        passPercent: 50,
        showResults: 'immediately',
        assignees: { userIds: [trainee] },
      }),
    });
    expect(exam.status).toBe(201);
    const token = await login('zhang.wei@huadong.demo', DEMO_PASSWORD);
    const attempt = await json(`/api/exams/${exam.body.id}/attempts`, { method: 'POST', token });
    expect(attempt.status).toBe(201);
    const saved = await json(`/api/attempts/${attempt.body.id}/answers/${question.body.id}`, {
      method: 'PUT',
      token,
      body: JSON.stringify({ response: QUESTION_EXAMPLES.true_false.key.correct, seq: 1 }),
    });
    expect(saved.body).toMatchObject({ applied: true });
    expect((await json(`/api/attempts/${attempt.body.id}/submit`, { method: 'POST', token })).body.status).toBe(
      'submitted',
    );
    const final = await eventually(
      async () => {
        const view = await json(`/api/attempts/${attempt.body.id}`, { token });
        return view.body.status === 'finalized' ? view.body : undefined;
      },
      30_000,
      'the graded attempt',
    );
    expect(final).toMatchObject({ percent: 100, passed: true });
  });

  it('keeps its data across a restart and does not seed twice', async () => {
    await api.stop();
    api = await startApiProcess(env);
    const admin = await login('admin@cascade.demo', DEMO_PASSWORD);
    const found = await json('/api/users?q=embedded.user', { token: admin });
    expect(found.body.total).toBe(1);
    const orgs = await json('/api/organizations', { token: admin });
    expect(orgs.body.total).toBe(2);
  });
});
