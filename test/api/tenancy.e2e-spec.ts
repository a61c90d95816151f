import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  createPlan,
  createSession,
  createWorld,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

/**
 * Walks every endpoint in the OpenAPI document as users of client A and checks that no
 * record of client B comes back and that B's records answer 404 (never 403 with a body
 * that differs by existence). Endpoints added later are covered without touching this file.
 */
const PUBLIC_PATHS = ['/api/verify/{code}'];

/** The families of the API's routes that take an id: the first segment after /api/. */
const ROUTE_FAMILIES = [
  'attempts',
  'audit-entries',
  'calendar',
  'certificates',
  'departments',
  'exams',
  'feedback-forms',
  'files',
  'me',
  'organizations',
  'qualification-tracks',
  'qualifications',
  'questions',
  'scenarios',
  'sessions',
  'teach-backs',
  'training-issues',
  'training-plans',
  'users',
  'webhooks',
];

function familyOf(path: string): string | undefined {
  const segment = /^\/api\/([^/]+)/.exec(path)?.[1];
  return ROUTE_FAMILIES.find((family) => family === segment);
}

/** Runs `fn` over the items, `size` at a time. */
async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** The names of an operation's required query parameters, from the OpenAPI document. */
function requiredQuery(operation: { parameters?: { in: string; name: string; required?: boolean }[] }): string[] {
  return (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => p.name);
}

describe('tenant isolation across every endpoint', () => {
  let api: TestApi;
  let world: World;
  let foreignIds: string[];
  let paths: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    // Give client B some activity of every kind the system has so far.
    const admin = await api.login(world.admin.email);
    const created = await api
      .http()
      .post('/api/departments')
      .set('authorization', admin)
      .send({ organizationId: world.clientB.id, name: 'B 仓储部' });
    expect(created.status).toBe(201);
    const trainerB = await api.login(world.trainerB.email);
    const plan = await createPlan(api, world, trainerB, {
      organizationId: world.clientB.id,
      trainerIds: [world.trainerB.id],
      targets: [{ userId: world.traineeB.id, kind: 'key_user' }],
    });
    const session = await createSession(api, trainerB, plan, {
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(60),
    });
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainerB)
      .send({ userIds: [world.traineeB.id] });
    const { code } = (await api.http().get(`/api/sessions/${session.id}/check-in-code`).set('authorization', trainerB))
      .body;
    const traineeB = await api.login(world.traineeB.email);
    expect(
      (await api.http().post(`/api/sessions/${session.id}/check-ins`).set('authorization', traineeB).send({ code }))
        .status,
    ).toBe(201);
    const issue = await api.http().post('/api/training-issues').set('authorization', traineeB).send({
      sessionId: session.id,
      category: 'data',
      severity: 'high',
      title: 'B 的问题',
      description: '物料编码不一致',
    });
    expect(issue.status).toBe(201);
    const file = await api
      .http()
      .post('/api/files')
      .set('authorization', trainerB)
      .field('organizationId', world.clientB.id)
      .attach('file', Buffer.from('B 的资料'), 'b.txt');
    expect(file.status).toBe(201);
    const scenario = await api
      .http()
      .post('/api/scenarios')
      .set('authorization', trainerB)
      .send({
        organizationId: world.clientB.id,
        title: 'B 的案例',
        narrative: 'B 的收货流程',
        attachments: [file.body.id],
      });
    expect(scenario.status).toBe(201);
    const question = await api
      .http()
      .post('/api/questions')
      .set('authorization', trainerB)
      .send({ organizationId: world.clientB.id, scenarioId: scenario.body.id, ...QUESTION_EXAMPLES.single_choice });
    expect(question.status).toBe(201);
    expect(
      (
        await api
          .http()
          .patch(`/api/questions/${question.body.id}`)
          .set('authorization', trainerB)
          .send({ status: 'active' })
      ).status,
    ).toBe(200);
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainerB)
      .send({
        organizationId: world.clientB.id,
        planId: plan.id,
        title: 'B 的考试',
        kind: 'pre_test',
        questionIds: [question.body.id],
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-10),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        assignees: { planTrainees: true },
      });
    expect(exam.status).toBe(201);
    expect((await api.http().post(`/api/exams/${exam.body.id}/attempts`).set('authorization', traineeB)).status).toBe(
      201,
    );
    await api.relay();
    foreignIds = await recordsOf(api, world.clientB.id);
    paths = (await api.http().get('/api/docs-json')).body.paths;
  });
  afterAll(() => api?.close());

  const actors = () => [world.managerA, world.trainerA, world.traineeA];

  it('finds client B records to look for', () => {
    // Organization, departments, users, notifications, audit entries, plans, modules, sessions, attendance, issues, files,
    // scenarios, questions and their versions.
    expect(foreignIds.length).toBeGreaterThan(20);
  });

  it('never lists a record of client B', async () => {
    const lists = Object.entries(paths).filter(
      ([path, ops]) => 'get' in ops && path.startsWith('/api/') && !path.includes('{'),
    );
    expect(lists.length).toBeGreaterThan(4);
    for (const actor of actors()) {
      const token = await api.login(actor.email);
      let answered = 0;
      for (const [path, ops] of lists) {
        // A list that needs an organization is asked for client B's: it must refuse.
        const required = requiredQuery(ops.get as Parameters<typeof requiredQuery>[0]);
        if (required.length) {
          const query = required.map((name) => `${name}=${world.clientB.id}`).join('&');
          const response = await api.http().get(`${path}?${query}`).set('authorization', token);
          expect({ path, status: [403, 404].includes(response.status) }).toEqual({ path, status: true });
          const leaked = foreignIds.filter((id) => id !== world.clientB.id && response.text.includes(id));
          expect({ actor: actor.email, path, leaked }).toEqual({ actor: actor.email, path, leaked: [] });
          continue;
        }
        const response = await api.http().get(`${path}?perPage=100`).set('authorization', token);
        if (response.status === 200) answered += 1;
        else expect({ path, status: response.status }).toEqual({ path, status: 403 });
        const leaked = foreignIds.filter((id) => response.text.includes(id));
        expect({ actor: actor.email, path, leaked }).toEqual({ actor: actor.email, path, leaked: [] });
      }
      expect(answered).toBeGreaterThan(1);
    }
  });

  it('knows the family of every route that takes an id', () => {
    const orphans = Object.keys(paths).filter(
      (path) => /\{[^}]+\}/.test(path) && !PUBLIC_PATHS.includes(path) && !familyOf(path),
    );
    expect(orphans).toEqual([]);
  });

  // One test per family of routes, each a few hundred requests sent a few at a time, so one
  // family's walk fits its timeout even when the machine's other core is busy.
  it.each(ROUTE_FAMILIES)(
    'answers 404 for every record of client B under /api/%s, on every read and write by id',
    async (family) => {
      // Certificate verification is public by design: it answers anyone holding a code, and is tested on its own.
      const byId = Object.entries(paths).filter(
        ([path]) => /\{[^}]+\}/.test(path) && familyOf(path) === family && !PUBLIC_PATHS.includes(path),
      );
      expect(byId.length).toBeGreaterThan(0);
      const auditBefore = await countAudit(api, world.clientB.id);
      for (const actor of actors()) {
        const token = await api.login(actor.email);
        const calls = byId.flatMap(([path, operations]) =>
          Object.keys(operations)
            .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
            .flatMap((method) => foreignIds.map((id) => ({ method, url: path.replace(/\{[^}]+\}/g, id), id }))),
        );
        await inBatches(calls, 8, async ({ method, url, id }) => {
          const call = api.http()[method as 'get'](url).set('authorization', token);
          const response = method === 'get' || method === 'delete' ? await call : await call.send({});
          const allowed = method === 'get' ? [403, 404] : [400, 403, 404];
          expect({ method, url, status: allowed.includes(response.status) }).toEqual({ method, url, status: true });
          const body = JSON.stringify({ ...response.body, instance: undefined });
          expect({ method, url, leaked: body.includes(id) }).toEqual({ method, url, leaked: false });
        });
      }
      expect(await countAudit(api, world.clientB.id)).toBe(auditBefore);
    },
    180_000,
  );

  it('still shows client A its own records', async () => {
    const token = await api.login(world.managerA.email);
    const users = await api.http().get('/api/users?perPage=100').set('authorization', token);
    expect(users.body.data.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([world.traineeA.id, world.managerA.id]),
    );
    expect((await api.http().get(`/api/departments/${world.departmentA.id}`).set('authorization', token)).status).toBe(
      200,
    );
  });
});

/** Ids of every row, in every table with an organization_id column, that belongs to the organization. */
async function recordsOf(api: TestApi, organizationId: string): Promise<string[]> {
  const tables: { table_name: string }[] = await api.dataSource.query(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema AND i.column_name = 'id'
      WHERE c.table_schema = 'public' AND c.column_name = 'organization_id'`,
  );
  const ids = new Set<string>([organizationId]);
  for (const { table_name } of tables) {
    const rows: { id: string }[] = await api.dataSource.query(
      `SELECT id::text FROM "${table_name}" WHERE organization_id = $1`,
      [organizationId],
    );
    rows.forEach((row) => ids.add(row.id));
  }
  return [...ids];
}

async function countAudit(api: TestApi, organizationId: string): Promise<number> {
  const [row] = await api.dataSource.query('SELECT count(*)::int AS n FROM audit_entry WHERE organization_id = $1', [
    organizationId,
  ]);
  return row.n;
}
