import { QualificationView } from '@cascade/contracts';
import { Actor, ActorResolver, RequestContext } from '@cascade/server/core';
import { QualificationsService } from '@cascade/server/qualifications';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  addClientUsers,
  createPlan,
  createSession,
  createExam,
  createWorld,
  minutesFromNow,
  sitExam,
  startTestApi,
  TestApi,
  World,
  WorldUser,
} from '@cascade/server/testing';

const DAY = 86_400_000;

/**
 * The trainer capability of a client user follows a valid qualification, never a stored role;
 * qualifications are revoked only by the vendor, with a reason; nobody nominates or signs off
 * themselves; and every nomination, revocation, sign-off and change of roles is in the audit log.
 */
describe('qualification integrity', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let trainerB: string;
  let admin: string;
  let manager: string;
  let zhang: WorldUser & { name: string };
  let sun: WorldUser & { name: string };
  let zhangToken: string;
  let sunToken: string;
  let trackId: string;
  let otherTrackId: string;
  let zhangQualification: string;
  let sunQualification: string;
  let essayId: string;
  let attemptId: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    await api.dataSource.query(`UPDATE department SET manager_id = $1 WHERE id = $2`, [
      world.managerA.id,
      world.departmentA.id,
    ]);
    [zhang, sun] = await addClientUsers(api, world, [
      { name: '张伟', isKeyUser: true },
      { name: '孙丽', isKeyUser: true },
    ]);
    [trainer, trainerB, admin, manager] = await Promise.all(
      [world.trainerA, world.trainerB, world.admin, world.managerA].map((u) => api.login(u.email)),
    );
    const track = (title: string) =>
      api
        .http()
        .post('/api/qualification-tracks')
        .set('authorization', trainer)
        .send({
          organizationId: world.clientA.id,
          title,
          businessProcesses: ['采购 / 下单'],
          validityMonths: 12,
          criteria: [{ kind: 'teach_back' }],
        });
    trackId = (await track('采购内部讲师')).body.id;
    otherTrackId = (await track('仓储内部讲师')).body.id;
    zhangQualification = await qualify(zhang.id);
    sunQualification = await qualify(sun.id);

    // 孙丽 assists a session whose exam 张伟 sits; his essay waits for a trainer.
    const plan = await createPlan(api, world, trainer, { title: '讲师试点计划' });
    const session = await createSession(api, trainer, plan, {
      trainers: [
        { userId: world.trainerA.id, role: 'lead' },
        { userId: sun.id, role: 'assistant' },
      ],
    });
    // 张伟 assists another session of the plan: as a qualified internal trainer he may grade its exams.
    await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(60 * 24),
      endsAt: minutesFromNow(60 * 24 + 90),
      trainers: [
        { userId: world.trainerA.id, role: 'lead' },
        { userId: zhang.id, role: 'assistant' },
      ],
    });
    const essay = await api
      .http()
      .post('/api/questions')
      .set('authorization', trainer)
      .send({ organizationId: world.clientA.id, ...QUESTION_EXAMPLES.essay, status: 'active' });
    essayId = essay.body.id;
    const examId = await createExam(api, trainer, world.clientA.id, {
      sessionId: session.id,
      title: '收货问答',
      questionIds: [essayId],
      showResults: 'immediately',
      assignees: { userIds: [zhang.id] },
    });
    [zhangToken, sunToken] = await Promise.all([api.login(zhang.email), api.login(sun.email)]);
    attemptId = await sitExam(api, zhangToken, examId, { [essayId]: '先核对订单数量，再与采购沟通。' }, 'needs_review');
  });
  afterAll(() => api?.close());

  async function qualify(userId: string, track = trackId): Promise<string> {
    const nominated = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', trainer)
      .send({ trackId: track, userId });
    expect(nominated.status).toBe(201);
    const signed = await api
      .http()
      .post('/api/teach-backs')
      .set('authorization', trainer)
      .send({ trackId: track, candidateId: userId, items: [{ label: '试讲', result: 'pass' }], sign: true });
    expect(signed.status).toBe(201);
    await RequestContext.runAsSystem(() => api.app.get(QualificationsService).evaluateUser(userId));
    expect((await get(nominated.body.id)).status).toBe('qualified');
    return nominated.body.id;
  }
  const get = async (id: string): Promise<QualificationView> =>
    (await api.http().get(`/api/qualifications/${id}`).set('authorization', trainer)).body;
  const storedRoles = async (userId: string): Promise<string[]> =>
    (await api.dataSource.query(`SELECT roles FROM app_user WHERE id = $1`, [userId]))[0].roles;
  const audit = async (query: Record<string, string>) => {
    const response = await api
      .http()
      .get('/api/audit-entries')
      .query({ sort: 'createdAt', order: 'ASC', perPage: 100, ...query })
      .set('authorization', admin);
    expect(response.status).toBe(200);
    return response.body.data as {
      actorId: string | null;
      action: string;
      entityId: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];
  };
  const pending = (token: string) => api.http().get('/api/grading/pending').set('authorization', token);

  it('qualifies without storing a trainer role, and the valid qualification makes a trainer', async () => {
    expect(await storedRoles(zhang.id)).toEqual(['trainee']);
    expect(await storedRoles(sun.id)).toEqual(['trainee']);
    const seen = await pending(sunToken);
    expect(seen.status).toBe(200);
    expect(seen.body.data.map((p: { attemptId: string }) => p.attemptId)).toContain(attemptId);
  });

  it('audits the nomination and the teach-back sign-off with their actor', async () => {
    const [nominated] = await audit({ entityId: zhangQualification, action: 'nominate' });
    expect(nominated).toMatchObject({
      actorId: world.trainerA.id,
      before: null,
      after: { trackId, userId: zhang.id, nominatedBy: world.trainerA.id },
    });
    const [signedOff] = await audit({ entity: 'TeachBack', action: 'signTeachBack' });
    expect(signedOff).toMatchObject({
      actorId: world.trainerA.id,
      before: { signedAt: null, signedBy: null },
      after: { candidateId: zhang.id, trackId, signedBy: world.trainerA.id, passed: true },
    });
    expect(await audit({ entity: 'TeachBack', action: 'signTeachBack' })).toHaveLength(2);
  });

  it('refuses a peer revoking a qualification: a valid internal trainer and a manager get 403', async () => {
    const url = `/api/qualifications/${zhangQualification}/revoke`;
    const byPeer = await api.http().post(url).set('authorization', sunToken).send({ reason: '同事举报' });
    expect(byPeer.status).toBe(403);
    expect(byPeer.body.code).toBe('FORBIDDEN');
    expect((await api.http().post(url).set('authorization', manager).send({ reason: '调岗' })).status).toBe(403);
    // Another client's vendor trainer does not see it at all.
    expect((await api.http().post(url).set('authorization', trainerB).send({ reason: '调岗' })).status).toBe(404);
    // The service refuses them itself, whatever guards the route: a peer does not even find a
    // colleague's qualification (internal trainers read only their own); the manager may read it, not revoke it.
    const actors = api.app.get(ActorResolver);
    for (const [peer, refusal] of [
      [sun.id, { status: 404, code: 'NOT_FOUND' }],
      [world.managerA.id, { status: 403, code: 'FORBIDDEN' }],
    ] as const) {
      const actor = (await actors.resolve(peer)) as Actor;
      await expect(
        RequestContext.runAs(actor, () => api.app.get(QualificationsService).revoke(zhangQualification, '调岗')),
      ).rejects.toMatchObject(refusal);
    }
    expect((await get(zhangQualification)).status).toBe('qualified');
    expect(await audit({ entityId: zhangQualification, action: 'revoke' })).toHaveLength(0);
  });

  it('needs a reason that is not blank (400 naming reason)', async () => {
    const url = `/api/qualifications/${zhangQualification}/revoke`;
    for (const body of [{}, { reason: '   ' }]) {
      const refused = await api.http().post(url).set('authorization', trainer).send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    }
    expect((await get(zhangQualification)).status).toBe('qualified');
  });

  it('lets the vendor trainer revoke, audited, and the capability ends with the next request', async () => {
    // 张伟 acts as a trainer just before; his very next request after the revocation is refused.
    expect((await pending(zhangToken)).status).toBe(200);
    const revoked = await api
      .http()
      .post(`/api/qualifications/${zhangQualification}/revoke`)
      .set('authorization', trainer)
      .send({ reason: ' 离职 ' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: '离职' });
    expect((await pending(zhangToken)).status).toBe(403);
    const [entry] = await audit({ entityId: zhangQualification, action: 'revoke' });
    expect(entry).toMatchObject({
      actorId: world.trainerA.id,
      before: { status: 'qualified', revokedAt: null },
      after: { status: 'revoked', revokeReason: '离职', revokedBy: world.trainerA.id },
    });
  });

  it('refuses nominating oneself (403), for a manager and for an internal trainer', async () => {
    const self = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', manager)
      .send({ trackId: otherTrackId, userId: world.managerA.id });
    expect(self.status).toBe(403);
    const selfTrainer = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', sunToken)
      .send({ trackId: otherTrackId, userId: sun.id });
    expect(selfTrainer.status).toBe(403);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM qualification WHERE track_id = $1`, [
      otherTrackId,
    ]);
    expect(n).toBe(0);
    // Nominating someone else is as before.
    const other = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', manager)
      .send({ trackId: otherTrackId, userId: world.traineeA.id });
    expect(other.status).toBe(201);
    const [entry] = await audit({ entityId: other.body.id, action: 'nominate' });
    expect(entry.actorId).toBe(world.managerA.id);
  });

  it('refuses observing or signing off one’s own teach-back (403)', async () => {
    const own = await api
      .http()
      .post('/api/teach-backs')
      .set('authorization', trainer)
      .send({ trackId, candidateId: world.trainerA.id, items: [{ label: '试讲', result: 'pass' }], sign: true });
    expect(own.status).toBe(403);
    // A draft about the observer themselves, however it came to be, is not signed by them.
    const [draft] = await api.dataSource.query(
      `INSERT INTO teach_back (organization_id, track_id, candidate_id, observer_id, observed_at, items, passed)
       VALUES ($1, $2, $3, $4, now(), $5::jsonb, true) RETURNING id`,
      [
        world.clientA.id,
        trackId,
        world.trainerA.id,
        world.trainerB.id,
        JSON.stringify([{ label: '试讲', result: 'pass', comment: null }]),
      ],
    );
    const sign = await api.http().post(`/api/teach-backs/${draft.id}/sign`).set('authorization', trainer);
    expect(sign.status).toBe(403);
    const edit = await api
      .http()
      .patch(`/api/teach-backs/${draft.id}`)
      .set('authorization', trainer)
      .send({ comment: '自评' });
    expect(edit.status).toBe(403);
    const [row] = await api.dataSource.query(`SELECT signed_at, comment FROM teach_back WHERE id = $1`, [draft.id]);
    expect(row).toEqual({ signed_at: null, comment: null });
  });

  it('ends 孙丽’s trainer capability when her qualification expires: she neither grades nor reads keys', async () => {
    const expiresAt = new Date((await get(sunQualification)).expiresAt!);
    await RequestContext.runAsSystem(() =>
      api.app.get(QualificationsService).sweep(new Date(expiresAt.getTime() + DAY)),
    );
    expect((await get(sunQualification)).status).toBe('expired');
    expect((await pending(sunToken)).status).toBe(403);
    const grade = await api
      .http()
      .post(`/api/attempts/${attemptId}/answers/${essayId}/grade`)
      .set('authorization', sunToken)
      .send({ score: 5 });
    expect([403, 404]).toContain(grade.status);
    const key = await api.http().get(`/api/questions/${essayId}`).set('authorization', sunToken);
    expect([403, 404]).toContain(key.status);
    expect(JSON.stringify(key.body)).not.toContain('rubric');
    expect(await storedRoles(sun.id)).toEqual(['trainee']);
    const [item] = await api.dataSource.query(`SELECT score FROM attempt_item WHERE attempt_id = $1`, [attemptId]);
    expect(item.score).toBeNull();
  });

  it('audits a change of roles with the roles before and after, and nothing when they stay', async () => {
    const url = `/api/users/${world.traineeA2.id}`;
    expect((await api.http().patch(url).set('authorization', admin).send({ attitude: 'supportive' })).status).toBe(200);
    expect(await audit({ entityId: world.traineeA2.id, action: 'changeRoles' })).toHaveLength(0);
    const changed = await api
      .http()
      .patch(url)
      .set('authorization', admin)
      .send({ roles: ['trainee', 'manager'] });
    expect(changed.status).toBe(200);
    expect(await audit({ entityId: world.traineeA2.id, action: 'changeRoles' })).toEqual([
      expect.objectContaining({
        actorId: world.admin.id,
        before: { roles: ['trainee'] },
        after: { roles: ['trainee', 'manager'] },
      }),
    ]);
  });

  it('migrates stored trainer roles away from client users only', async () => {
    // As the old rule left them: a trainee who once qualified, and a user stored as nothing but a trainer.
    await api.dataSource.query(`UPDATE app_user SET roles = '{trainee,trainer}' WHERE id = $1`, [world.traineeB.id]);
    await api.dataSource.query(`UPDATE app_user SET roles = '{trainer}' WHERE id = $1`, [world.managerB.id]);
    const migration = api.dataSource.migrations.find((m) => m.name === 'ClientTrainerRoleComputed1795846000000');
    expect(migration).toBeDefined();
    const runner = api.dataSource.createQueryRunner();
    try {
      await migration!.up(runner);
    } finally {
      await runner.release();
    }
    expect(await storedRoles(world.traineeB.id)).toEqual(['trainee']);
    expect(await storedRoles(world.managerB.id)).toEqual(['trainee']);
    expect(await storedRoles(world.trainerA.id)).toEqual(['trainer']);
    expect(await storedRoles(world.trainerB.id)).toEqual(['trainer']);
  });
});
