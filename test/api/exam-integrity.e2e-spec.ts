import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { createWorld, minutesFromNow, startTestApi, TestApi, World } from '@cascade/server/testing';

/**
 * A key user becomes a trainer, and sits exams too. While they sit one, they may not read
 * what it can draw, act on it, or read anyone else's results; a manager reads names only of
 * the departments they head; and a client user's stored trainer role alone grants nothing.
 */
describe('exam integrity when trainees become trainers', () => {
  let api: TestApi;
  let world: World;
  let admin: string;
  let trainer: string;
  let manager: string;
  let otherDepartmentId: string;
  let questionIds: string[];
  let examId: string;
  /** A client key user an admin made a bank author, assigned to the exam. */
  let author: { id: string; token: string };
  /** A client user holding a stored trainer role but no qualification. */
  let unqualified: string;

  const get = (token: string, path: string) => api.http().get(path).set('authorization', token);
  const patch = (token: string, path: string, body: object) =>
    api.http().patch(path).set('authorization', token).send(body);
  const post = (token: string, path: string, body: object = {}) =>
    api.http().post(path).set('authorization', token).send(body);

  const clientUser = async (key: string, extra: object) => {
    const email = `${key}.${Math.random().toString(36).slice(2, 8)}@example.test`;
    const created = await post(admin, '/api/users', {
      organizationId: world.clientA.id,
      email,
      name: key,
      password: 'a-good-password',
      ...extra,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, token: await api.login(email, 'a-good-password') };
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [admin, trainer, manager] = await Promise.all(
      [world.admin, world.trainerA, world.managerA].map((u) => api.login(u.email)),
    );
    questionIds = [];
    for (const type of ['single_choice', 'true_false'] as const) {
      const made = await post(trainer, '/api/questions', {
        organizationId: world.clientA.id,
        ...QUESTION_EXAMPLES[type],
        status: 'active',
      });
      expect(made.status).toBe(201);
      questionIds.push(made.body.id);
    }
    author = await clientUser('author', { roles: ['trainee'], bankAuthor: true, departmentId: world.departmentA.id });
    const leftover = await clientUser('unqualified', { roles: ['trainee'] });
    // A trainer role left over from before it followed qualifications: the API no longer grants one.
    await api.dataSource.query(`UPDATE app_user SET roles = '{trainee,trainer}' WHERE id = $1`, [leftover.id]);
    unqualified = leftover.token;
    const finance = await post(admin, '/api/departments', { organizationId: world.clientA.id, name: '财务部' });
    otherDepartmentId = finance.body.id;
    const exam = await post(trainer, '/api/exams', {
      organizationId: world.clientA.id,
      title: '结业考试',
      kind: 'post_test',
      questionIds,
      timeLimitMinutes: 30,
      opensAt: minutesFromNow(-5),
      closesAt: minutesFromNow(60),
      passPercent: 60,
      attemptsAllowed: 2,
      assignees: { userIds: [author.id, world.traineeA.id] },
    });
    expect(exam.status).toBe(201);
    examId = exam.body.id;
  });
  afterAll(() => api?.close());

  it('hides the questions an exam can draw from a bank author who sits it', async () => {
    const list = await get(author.token, '/api/questions?perPage=100');
    expect(list.status).toBe(200);
    const listed = list.body.data.map((q: { id: string }) => q.id);
    for (const id of questionIds) {
      expect(listed).not.toContain(id);
      expect((await get(author.token, `/api/questions/${id}`)).status).toBe(404);
      expect((await get(author.token, `/api/questions/${id}/versions`)).status).toBe(404);
    }
    const edit = await patch(author.token, `/api/questions/${questionIds[0]}`, { stem: '改' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('CONFLICT_OF_INTEREST');
    // The vendor's trainer, who does not sit it, still reads them with their keys.
    const asTrainer = await get(trainer, `/api/questions/${questionIds[0]}`);
    expect(asTrainer.status).toBe(200);
    expect(asTrainer.body.key).toBeDefined();
  });

  it('refuses the candidate their own overrides, the release and everyone else’s results', async () => {
    const override = await patch(author.token, `/api/exams/${examId}`, {
      overrides: [{ userId: author.id, extraMinutes: 600 }],
    });
    expect(override.status).toBe(403);
    expect(override.body.code).toBe('CONFLICT_OF_INTEREST');
    expect((await get(admin, `/api/exams/${examId}`)).body.overrides).toEqual([]);
    // Authoring the bank is not running the exam: results are not theirs to read at all.
    for (const path of ['results', 'item-analysis', 'digests', 'follow-up']) {
      expect({ path, status: (await get(author.token, `/api/exams/${examId}/${path}`)).status }).toEqual({
        path,
        status: 403,
      });
    }
    const release = await post(author.token, `/api/exams/${examId}/release-results`);
    expect(release.status).toBe(403);
  });

  it('refuses to grant a client user the trainer role, on creation, change and import', async () => {
    const refused = (response: { status: number; body: { code?: string; errors?: { field: string }[] } }) => {
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('ROLE_NOT_GRANTABLE');
      expect(response.body.errors?.[0].field).toBe('roles');
    };
    const email = `granted.${Math.random().toString(36).slice(2, 8)}@example.test`;
    refused(
      await post(admin, '/api/users', {
        organizationId: world.clientA.id,
        email,
        name: '授予',
        roles: ['trainee', 'trainer'],
      }),
    );
    expect((await get(admin, `/api/users?q=${email}`)).body.total).toBe(0);
    refused(await patch(admin, `/api/users/${author.id}`, { roles: ['trainee', 'trainer'] }));
    expect((await get(admin, `/api/users/${author.id}`)).body).toMatchObject({ roles: ['trainee'] });
    const sheet = `name,email,roles,keyUser\n授予,${email},trainer,no\n`;
    const imported = await api
      .http()
      .post('/api/users/import')
      .set('authorization', admin)
      .field('organizationId', world.clientA.id)
      .attach('file', Buffer.from(sheet), 'users.csv');
    expect(imported.status).toBe(422);
    expect(imported.body.rows).toEqual([expect.objectContaining({ row: 2, field: 'roles' })]);
    // A vendor trainer is still one by role.
    expect((await get(admin, `/api/users/${world.trainerA.id}`)).body).toMatchObject({ effectiveRoles: ['trainer'] });
  });

  it('gives a stored trainer role without a qualification nothing, and managers no keys', async () => {
    for (const path of [
      '/api/questions?perPage=1',
      `/api/questions/${questionIds[0]}`,
      `/api/exams/${examId}/results`,
      `/api/exams/${examId}/follow-up`,
      `/api/exams/${examId}/digests`,
    ]) {
      expect({ path, status: (await get(unqualified, path)).status }).toEqual({ path, status: 403 });
    }
    expect((await get(manager, '/api/questions?perPage=1')).status).toBe(403);
    expect((await get(manager, `/api/questions/${questionIds[0]}`)).status).toBe(403);
  });

  it('names to a manager only the people of the departments they head', async () => {
    // Both candidates start; the results table lists attempts.
    for (const token of [author.token, await api.login(world.traineeA.email)])
      expect((await post(token, `/api/exams/${examId}/attempts`)).status).toBe(201);
    const asTrainer = await get(trainer, `/api/exams/${examId}/results`);
    expect(asTrainer.body.rows).toHaveLength(2);
    const asManager = await get(manager, `/api/exams/${examId}/results`);
    expect(asManager.status).toBe(200);
    expect(asManager.body.rows.map((r: { userId: string }) => r.userId).sort()).toEqual(
      [author.id, world.traineeA.id].sort(),
    );
    // Moved to a department he does not head, the trainee's name leaves his table; the counts stay.
    expect((await patch(admin, `/api/users/${world.traineeA.id}`, { departmentId: otherDepartmentId })).status).toBe(
      200,
    );
    const after = await get(manager, `/api/exams/${examId}/results`);
    expect(after.body.rows.map((r: { userId: string }) => r.userId)).toEqual([author.id]);
    expect(after.body.attempted).toBe(2);
    // The manager of client B reads nothing of it.
    expect((await get(await api.login(world.managerB.email), `/api/exams/${examId}/results`)).status).toBe(404);
  });

  it('records overrides and releases in the audit log', async () => {
    const extra = await patch(trainer, `/api/exams/${examId}`, {
      overrides: [{ userId: world.traineeA.id, extraMinutes: 15 }],
    });
    expect(extra.status).toBe(200);
    const entries = await get(admin, `/api/audit-entries?action=override&perPage=50`);
    const mine = entries.body.data.filter((e: { entityId: string }) => e.entityId === examId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      actorId: world.trainerA.id,
      before: { overrides: [] },
      after: { overrides: [{ userId: world.traineeA.id, extraMinutes: 15 }] },
    });
    const release = await post(trainer, `/api/exams/${examId}/release-results`);
    expect(release.status).toBeLessThan(300);
    const releases = await get(admin, `/api/audit-entries?action=release&perPage=50`);
    expect(releases.body.data.filter((e: { entityId: string }) => e.entityId === examId)).toEqual([
      expect.objectContaining({
        actorId: world.trainerA.id,
        after: { trigger: 'trainer', releasedBy: world.trainerA.id },
      }),
    ]);
  });
});
