import { createWorld, eventually, startTestApi, TestApi, World } from '@cascade/server/testing';

describe('organizations, departments and users', () => {
  let api: TestApi;
  let world: World;
  let admin: string;
  let managerA: string;
  let trainerA: string;
  let traineeA: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [admin, managerA, trainerA, traineeA] = await Promise.all(
      [world.admin, world.managerA, world.trainerA, world.traineeA].map((u) => api.login(u.email)),
    );
  });
  afterAll(() => api?.close());

  describe('lists', () => {
    it('answers { data, total } with paging, sorting and search', async () => {
      const page = await api
        .http()
        .get('/api/users?page=1&perPage=2&sort=email&order=DESC')
        .set('authorization', admin);
      expect(page.status).toBe(200);
      expect(page.body.data).toHaveLength(2);
      expect(page.body.total).toBeGreaterThanOrEqual(8);
      expect(page.body.data[0].email > page.body.data[1].email).toBe(true);
      const found = await api.http().get('/api/users?q=trainee-a2').set('authorization', admin);
      expect(found.body.data.map((u: { id: string }) => u.id)).toEqual([world.traineeA2.id]);
    });

    it('filters by organization, department, role and key-user flag', async () => {
      const query = `organizationId=${world.clientA.id}&departmentId=${world.departmentA.id}&role=trainee&isKeyUser=true`;
      const response = await api.http().get(`/api/users?${query}`).set('authorization', admin);
      expect(response.status).toBe(200);
      expect(response.body.data.map((u: { id: string }) => u.id)).toEqual([world.traineeA.id]);
    });

    it('caps perPage at 100 and refuses unknown sort fields and filters', async () => {
      const capped = await api.http().get('/api/users?perPage=100000').set('authorization', admin);
      expect(capped.status).toBe(200);
      const sort = await api.http().get('/api/users?sort=passwordHash').set('authorization', admin);
      expect(sort.status).toBe(400);
      expect(sort.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
      const filter = await api.http().get('/api/users?salary=1').set('authorization', admin);
      expect(filter.status).toBe(400);
      expect(filter.body.errors[0].field).toBe('salary');
      for (const bad of [
        'page=0',
        'page=abc',
        'perPage=-1',
        'order=SIDEWAYS',
        'isKeyUser=maybe',
        'organizationId=xyz',
      ]) {
        const response = await api.http().get(`/api/users?${bad}`).set('authorization', admin);
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      }
    });
  });

  describe('roles', () => {
    it('lets trainees read only themselves', async () => {
      const list = await api.http().get('/api/users').set('authorization', traineeA);
      expect(list.body.data.map((u: { id: string }) => u.id)).toEqual([world.traineeA.id]);
      expect((await api.http().get(`/api/users/${world.traineeA2.id}`).set('authorization', traineeA)).status).toBe(
        404,
      );
    });

    it('lets managers read their organization and edit its departments, but not create users', async () => {
      const list = await api.http().get('/api/users').set('authorization', managerA);
      const outside = list.body.data.filter((u: { organizationId: string }) => u.organizationId !== world.clientA.id);
      // Besides its own people, a client sees only the vendor trainers assigned to it.
      expect(outside.map((u: { id: string }) => u.id)).toEqual([world.trainerA.id]);
      // Only an admin names who manages a department; a manager works below the ones they head.
      const departments = (token: string) => ({
        create: (body: object) => api.http().post('/api/departments').set('authorization', token).send(body),
        update: (id: string, body: object) =>
          api.http().patch(`/api/departments/${id}`).set('authorization', token).send(body),
      });
      const asManager = departments(managerA);
      const adminToken = await api.login(world.admin.email);
      const selfNamed = await asManager.create({
        organizationId: world.clientA.id,
        name: '仓储部',
        managerId: world.managerA.id,
      });
      expect(selfNamed.status).toBe(403);
      expect((await asManager.create({ organizationId: world.clientA.id, name: '仓储部' })).status).toBe(403);
      const created = await departments(adminToken).create({
        organizationId: world.clientA.id,
        name: '仓储部',
        managerId: world.managerA.id,
      });
      expect(created.status).toBe(201);
      const renamed = await asManager.update(created.body.id, { name: '仓库' });
      expect(renamed.body.name).toBe('仓库');
      const below = await asManager.create({
        organizationId: world.clientA.id,
        name: '收货组',
        parentId: created.body.id,
      });
      expect(below.status).toBe(201);
      const other = await departments(adminToken).create({ organizationId: world.clientA.id, name: '财务部' });
      expect((await asManager.update(other.body.id, { managerId: world.managerA.id })).status).toBe(403);
      expect((await asManager.update(other.body.id, { name: '改名' })).status).toBe(403);
      expect((await asManager.update(below.body.id, { managerId: world.managerA.id })).status).toBe(403);
      const unchanged = await api.http().get(`/api/departments/${other.body.id}`).set('authorization', adminToken);
      expect(unchanged.body).toMatchObject({ name: '财务部', managerId: null });
      const user = await api
        .http()
        .post('/api/users')
        .set('authorization', managerA)
        .send({ organizationId: world.clientA.id, email: 'x@example.test', name: 'X', roles: ['trainee'] });
      expect(user.status).toBe(403);
    });

    it('lets a client’s manager see the vendor trainers who serve it, and no other vendor staff', async () => {
      expect((await api.http().get(`/api/users/${world.trainerA.id}`).set('authorization', managerA)).status).toBe(200);
      expect((await api.http().get(`/api/users/${world.trainerB.id}`).set('authorization', managerA)).status).toBe(404);
      expect((await api.http().get(`/api/users/${world.admin.id}`).set('authorization', managerA)).status).toBe(404);
    });

    it('lets vendor trainers read the clients they serve', async () => {
      const orgs = await api.http().get('/api/organizations').set('authorization', trainerA);
      const ids = orgs.body.data.map((o: { id: string }) => o.id).sort();
      expect(ids).toEqual([world.vendor.id, world.clientA.id].sort());
      expect(
        (await api.http().get(`/api/organizations/${world.clientB.id}`).set('authorization', trainerA)).status,
      ).toBe(404);
    });
  });

  describe('users', () => {
    it('creates a user, whose welcome arrives in the inbox through the outbox and queue', async () => {
      const created = await api
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({
          organizationId: world.clientA.id,
          departmentId: world.departmentA.id,
          email: ' New.User@Example.TEST ',
          name: '新用户',
          roles: ['trainee'],
          isKeyUser: true,
          attitude: 'wait_and_see',
          locale: 'zh-CN',
          password: 'a-good-password',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: 'new.user@example.test',
        isKeyUser: true,
        attitude: 'wait_and_see',
        active: true,
      });
      const [outbox] = await api.dataSource.query(
        `SELECT job_name, payload FROM outbox WHERE payload->>'userId' = $1`,
        [created.body.id],
      );
      expect(outbox).toMatchObject({ job_name: 'user.welcome' });

      const token = await api.login('new.user@example.test', 'a-good-password');
      const inbox = await eventually(async () => {
        const response = await api.http().get('/api/me/notifications').set('authorization', token);
        return response.body.total === 1 ? response.body : undefined;
      });
      expect(inbox.data[0]).toMatchObject({ kind: 'welcome', title: '欢迎使用 Cascade', readAt: null });
      expect((await api.http().get('/api/me/notifications/unread-count').set('authorization', token)).body).toEqual({
        count: 1,
      });
      expect(
        (await api.http().post(`/api/me/notifications/${inbox.data[0].id}/read`).set('authorization', token)).status,
      ).toBe(204);
      expect((await api.http().get('/api/me/notifications?unread=true').set('authorization', token)).body.total).toBe(
        0,
      );
      // Another user's notification cannot be touched.
      expect(
        (await api.http().post(`/api/me/notifications/${inbox.data[0].id}/read`).set('authorization', traineeA)).status,
      ).toBe(404);
    });

    it('refuses a taken email, a department of another organization and assignments for non-trainers', async () => {
      const base = { organizationId: world.clientA.id, name: 'Dup', roles: ['trainee'] };
      const taken = await api
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({ ...base, email: world.traineeA.email });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('EMAIL_TAKEN');
      const foreignDept = await api
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({ ...base, email: 'd1@example.test', departmentId: world.departmentB.id });
      expect(foreignDept.status).toBe(422);
      expect(foreignDept.body.errors[0].field).toBe('departmentId');
      const assigned = await api
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({ ...base, email: 'd2@example.test', assignedOrganizationIds: [world.clientB.id] });
      expect(assigned.status).toBe(422);
      expect(assigned.body.errors[0].field).toBe('assignedOrganizationIds');
    });

    it('reassigns a vendor trainer to other clients', async () => {
      const updated = await api
        .http()
        .patch(`/api/users/${world.trainerB.id}`)
        .set('authorization', admin)
        .send({ assignedOrganizationIds: [world.clientA.id, world.clientB.id] });
      expect(updated.status).toBe(200);
      expect(updated.body.assignedOrganizationIds).toEqual([world.clientA.id, world.clientB.id].sort());
      const trainerB = await api.login(world.trainerB.email);
      expect(
        (await api.http().get(`/api/organizations/${world.clientA.id}`).set('authorization', trainerB)).status,
      ).toBe(200);
      const back = await api
        .http()
        .patch(`/api/users/${world.trainerB.id}`)
        .set('authorization', admin)
        .send({ assignedOrganizationIds: [world.clientB.id] });
      expect(back.body).toMatchObject({ assignedOrganizationIds: [world.clientB.id] });
      expect(
        (await api.http().get(`/api/organizations/${world.clientA.id}`).set('authorization', trainerB)).status,
      ).toBe(404);
    });

    it('updates, deactivates and reactivates, recording each write in the audit log', async () => {
      const updated = await api
        .http()
        .patch(`/api/users/${world.traineeA.id}`)
        .set('authorization', admin)
        .send({ attitude: 'resistant' });
      expect(updated.status).toBe(200);
      expect(updated.body.attitude).toBe('resistant');
      const deactivated = await api
        .http()
        .post(`/api/users/${world.traineeA.id}/deactivate`)
        .set('authorization', admin);
      expect(deactivated.body.active).toBe(false);
      const reactivated = await api.http().post(`/api/users/${world.traineeA.id}/activate`).set('authorization', admin);
      expect(reactivated.body.active).toBe(true);
      const audit = await api
        .http()
        .get(`/api/audit-entries?entity=User&entityId=${world.traineeA.id}&sort=createdAt&order=ASC`)
        .set('authorization', admin);
      expect(audit.status).toBe(200);
      const actions = audit.body.data.map((e: { action: string }) => e.action);
      expect(actions).toEqual(['create', 'update', 'update', 'update']);
      const attitudeChange = audit.body.data[1];
      expect(attitudeChange.actorId).toBe(world.admin.id);
      expect(attitudeChange.before.attitude).toBeNull();
      expect(attitudeChange.after.attitude).toBe('resistant');
      expect(JSON.stringify(audit.body)).not.toContain('argon2');
      expect((await api.http().get('/api/audit-entries').set('authorization', managerA)).status).toBe(403);
    });
  });

  describe('bad input', () => {
    const cases: [string, string, unknown, number, string | undefined][] = [
      ['unknown field', 'organizations', { name: 'X', kind: 'client', owner: 'me' }, 400, 'owner'],
      ['wrong type', 'organizations', { name: 42, kind: 'client' }, 400, 'name'],
      ['bad enum', 'organizations', { name: 'X', kind: 'partner' }, 400, 'kind'],
      ['over-long string', 'organizations', { name: 'x'.repeat(5000), kind: 'client' }, 400, 'name'],
      ['array body', 'organizations', [{ name: 'X', kind: 'client' }], 400, 'body'],
      ['huge number in a text field', 'organizations', { name: 1e308, kind: 'client' }, 400, 'name'],
      [
        'bad email',
        'users',
        { organizationId: '00000000-0000-4000-8000-000000000000', email: 'no-at', name: 'N', roles: ['trainee'] },
        400,
        'email',
      ],
      [
        'bad role',
        'users',
        { organizationId: '00000000-0000-4000-8000-000000000000', email: 'a@b.cn', name: 'N', roles: ['king'] },
        400,
        'roles',
      ],
      [
        'nested object for a string',
        'departments',
        { organizationId: { $ne: null }, name: 'D' },
        400,
        'organizationId',
      ],
    ];

    it.each(cases)('%s answers %#', async (_label, resource, body, status, field) => {
      const response = await api
        .http()
        .post(`/api/${resource}`)
        .set('authorization', admin)
        .send(body as object);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        status,
        type: expect.any(String),
        title: expect.any(String),
        detail: expect.any(String),
      });
      if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 400 for malformed JSON, 415 for unsupported media types and 413 over 1 MiB', async () => {
      const malformed = await api
        .http()
        .post('/api/organizations')
        .set('authorization', admin)
        .set('content-type', 'application/json')
        .send('{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('body');
      const proto = await api
        .http()
        .post('/api/organizations')
        .set('authorization', admin)
        .set('content-type', 'application/json')
        .send('{"__proto__": {"admin": true}, "name": "P", "kind": "client"}');
      expect(proto.status).toBe(400);
      const xml = await api
        .http()
        .post('/api/organizations')
        .set('authorization', admin)
        .set('content-type', 'application/xml')
        .send('<a/>');
      expect(xml.status).toBe(415);
      const huge = await api
        .http()
        .post('/api/organizations')
        .set('authorization', admin)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), kind: 'client' }));
      expect(huge.status).toBe(413);
      expect(huge.headers['content-type']).toContain('application/problem+json');
    });

    it('answers 404 for ids that are not UUIDs and for routes that do not exist', async () => {
      expect((await api.http().get('/api/users/1 OR 1=1').set('authorization', admin)).status).toBe(404);
      expect(
        (await api.http().patch('/api/departments/%00').set('authorization', admin).send({ name: 'x' })).status,
      ).toBe(404);
      const missing = await api.http().get('/api/nothing-here').set('authorization', admin);
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
    });

    it('changes nothing when a request is refused', async () => {
      const before = await api.http().get('/api/organizations').set('authorization', admin);
      await api
        .http()
        .post('/api/organizations')
        .set('authorization', admin)
        .send({ name: 'Half', kind: 'client', extra: 1 });
      const after = await api.http().get('/api/organizations').set('authorization', admin);
      expect(after.body.total).toBe(before.body.total);
    });

    it('returns the request id in a header, reusing one the caller sent', async () => {
      const generated = await api.http().get('/health');
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const echoed = await api.http().get('/health').set('x-request-id', 'trace-123');
      expect(echoed.headers['x-request-id']).toBe('trace-123');
    });
  });

  it('reports database and queue health', async () => {
    const response = await api.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', queue: { status: 'up', backend: 'redis' } });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await api.http().get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/auth/login']),
    );
    expect((await api.http().get('/api/docs')).status).toBe(200);
  });
});
