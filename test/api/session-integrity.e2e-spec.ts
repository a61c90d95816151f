import { TrainingPlanView, TrainingSessionView } from '@cascade/contracts';
import { Actor, ActorResolver, RequestContext } from '@cascade/server/core';
import { QualificationsService } from '@cascade/server/qualifications';
import { AttendanceService, SessionsService } from '@cascade/server/sessions';
import {
  addClientUsers,
  createPlan,
  createSession,
  createTrack,
  createWorld,
  eventually,
  minutesFromNow,
  qualify,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

interface Person {
  id: string;
  name: string;
  token: string;
}

const PURCHASING = '采购 / 下单';
const WAREHOUSE = '仓储 / 收货';

/**
 * Who may staff a session, mark attendance and show its code, and what the log keeps of it;
 * and sessions whose lead may no longer lead them. The people are client A's: 李明 an internal
 * trainer of purchasing, 孙丽 a key user who trains warehousing and is a trainee in 李明's session.
 */
describe('session integrity', () => {
  let api: TestApi;
  let world: World;
  let vendorTrainer: string;
  let admin: string;
  let plan: TrainingPlanView;
  /** 李明 leads; 孙丽 is enrolled. Running now. */
  let running: TrainingSessionView;
  /** 李明 led it yesterday. */
  let held: TrainingSessionView;
  let liMing: Person;
  let sunLi: Person;
  let wangFang: Person;
  let zhaoLei: Person;
  let zhouJie: Person;
  const qualificationOf: Record<string, string> = {};
  let sunLiCandidacy: string;

  const get = async (id: string): Promise<TrainingSessionView> =>
    (await api.http().get(`/api/sessions/${id}`).set('authorization', admin)).body;
  const trainersOf = async (id: string) =>
    (
      (await api.dataSource.query('SELECT user_id, role FROM session_trainer WHERE session_id = $1 ORDER BY role', [
        id,
      ])) as { user_id: string; role: string }[]
    ).map((r) => `${r.role}:${r.user_id}`);
  const asActor = async <T>(userId: string, fn: () => Promise<T>): Promise<T> => {
    const actor = (await api.app.get(ActorResolver).resolve(userId)) as Actor;
    return RequestContext.runAs(actor, fn);
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [vendorTrainer, admin] = await Promise.all([world.trainerA, world.admin].map((u) => api.login(u.email)));
    const made = await addClientUsers(
      api,
      world,
      ['李明', '孙丽', '王芳', '赵磊', '周杰'].map((name) => ({ name, isKeyUser: true })),
    );
    // Qualified before anyone logs in, so each token's actor is an internal trainer from the start.
    const track = (title: string, processes: string[], criteria: unknown[] = []) =>
      createTrack(api, world.clientA.id, title, processes, criteria);
    const purchasing = await track('采购内训师', [PURCHASING]);
    const warehouse = await track('仓储内训师', [WAREHOUSE]);
    const coDelivery = await track('采购助教', [PURCHASING], [{ kind: 'co_delivery', sessions: 1 }]);
    const [li, sun, wang, zhao, zhou] = made;
    for (const person of [li, zhao, zhou]) qualificationOf[person.id] = await qualify(api, purchasing, person.id);
    for (const person of [sun, wang]) await qualify(api, warehouse, person.id);
    sunLiCandidacy = await qualify(api, coDelivery, sun.id, { status: 'candidate', expiresAt: null });
    [liMing, sunLi, wangFang, zhaoLei, zhouJie] = await Promise.all(
      made.map(async (u) => ({ id: u.id, name: u.name, token: await api.login(u.email) })),
    );
    plan = await createPlan(api, world, vendorTrainer, { title: '采购推广' });
    running = await createSession(api, vendorTrainer, plan, {
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(85),
      trainers: [{ userId: liMing.id, role: 'lead' }],
    });
    const enrolled = await api
      .http()
      .post(`/api/sessions/${running.id}/enrollments`)
      .set('authorization', vendorTrainer)
      .send({ userIds: [sunLi.id, world.traineeA.id] });
    expect(enrolled.status).toBe(200);
    held = await createSession(api, vendorTrainer, plan, {
      startsAt: minutesFromNow(-26 * 60),
      endsAt: minutesFromNow(-25 * 60),
      location: '二号会议室',
      trainers: [{ userId: liMing.id, role: 'lead' }],
    });
  });
  afterAll(() => api?.close());

  describe('孙丽, a trainee of 李明’s session', () => {
    it('cannot add herself as its assistant; nothing changes', async () => {
      const before = await trainersOf(running.id);
      const patched = await api
        .http()
        .patch(`/api/sessions/${running.id}`)
        .set('authorization', sunLi.token)
        .send({
          trainers: [
            { userId: liMing.id, role: 'lead' },
            { userId: sunLi.id, role: 'assistant' },
          ],
        });
      expect(patched.status).toBe(403);
      expect(patched.headers['content-type']).toContain('application/problem+json');
      expect(await trainersOf(running.id)).toEqual(before);
    });

    it('cannot mark herself present', async () => {
      const marked = await api
        .http()
        .post(`/api/sessions/${running.id}/attendance`)
        .set('authorization', sunLi.token)
        .send({ userId: sunLi.id, status: 'present' });
      // The route's guard may refuse first (she trains no session); the service refuses in any case, below.
      expect(marked.status).toBe(403);
      expect(['FORBIDDEN', 'OWN_ATTENDANCE']).toContain(marked.body.code);
      const [row] = await api.dataSource.query('SELECT 1 FROM attendance WHERE session_id = $1 AND user_id = $2', [
        running.id,
        sunLi.id,
      ]);
      expect(row).toBeUndefined();
    });

    it('cannot read the live check-in code', async () => {
      const code = await api.http().get(`/api/sessions/${running.id}/check-in-code`).set('authorization', sunLi.token);
      expect(code.status).toBe(403);
      expect(code.body.url).toBeUndefined();
      // The session's lead can.
      const lead = await api.http().get(`/api/sessions/${running.id}/check-in-code`).set('authorization', liMing.token);
      expect(lead.status).toBe(200);
      expect(lead.body.code).toMatch(/^\d{6}$/);
    });

    it('gets no co-delivery from assisting herself: the change is refused and her candidacy is unchanged', async () => {
      const before = await trainersOf(held.id);
      const patched = await api
        .http()
        .patch(`/api/sessions/${held.id}`)
        .set('authorization', sunLi.token)
        .send({
          trainers: [
            { userId: liMing.id, role: 'lead' },
            { userId: sunLi.id, role: 'assistant' },
          ],
        });
      expect(patched.status).toBe(403);
      expect(await trainersOf(held.id)).toEqual(before);
      await RequestContext.runAsSystem(() => api.app.get(QualificationsService).evaluateUser(sunLi.id));
      const [candidacy] = await api.dataSource.query('SELECT status, progress FROM qualification WHERE id = $1', [
        sunLiCandidacy,
      ]);
      expect(candidacy.status).toBe('candidate');
      const coDelivery = (candidacy.progress as { kind: string; current: number; met: boolean }[]).find(
        (p) => p.kind === 'co_delivery',
      );
      expect(coDelivery).toMatchObject({ current: 0, met: false });
    });

    it('is refused by the service itself, whatever the route’s guard lets through', async () => {
      const sessions = api.app.get(SessionsService);
      await expect(
        asActor(sunLi.id, () =>
          sessions.update(running.id, {
            trainers: [
              { userId: liMing.id, role: 'lead' },
              { userId: sunLi.id, role: 'assistant' },
            ],
          }),
        ),
      ).rejects.toMatchObject({ status: 403, code: 'STAFFING_FORBIDDEN' });
      await expect(
        asActor(sunLi.id, () =>
          api.app.get(AttendanceService).mark(running.id, { userId: sunLi.id, status: 'present' }),
        ),
      ).rejects.toMatchObject({ status: 403, code: 'OWN_ATTENDANCE' });
      await expect(
        asActor(sunLi.id, () => api.app.get(AttendanceService).checkInCode(running.id)),
      ).rejects.toMatchObject({ status: 403 });
    });

    it('if she already is its assistant too (from before these rules), still may not mark herself or show the code', async () => {
      await api.dataSource.query(
        `INSERT INTO session_trainer (session_id, user_id, organization_id, role) VALUES ($1, $2, $3, 'assistant')`,
        [running.id, sunLi.id, world.clientA.id],
      );
      try {
        const marked = await api
          .http()
          .post(`/api/sessions/${running.id}/attendance`)
          .set('authorization', sunLi.token)
          .send({ userId: sunLi.id, status: 'present' });
        expect(marked.status).toBe(403);
        expect(marked.body.code).toBe('OWN_ATTENDANCE');
        const code = await api
          .http()
          .get(`/api/sessions/${running.id}/check-in-code`)
          .set('authorization', sunLi.token);
        expect(code.status).toBe(403);
        // Nor mark a fellow trainee: an enrollee does not run the session's sign-in.
        const other = await api
          .http()
          .post(`/api/sessions/${running.id}/attendance`)
          .set('authorization', sunLi.token)
          .send({ userId: world.traineeA.id, status: 'present' });
        expect(other.status).toBe(403);
      } finally {
        await api.dataSource.query('DELETE FROM session_trainer WHERE session_id = $1 AND user_id = $2', [
          running.id,
          sunLi.id,
        ]);
      }
    });
  });

  describe('staffing', () => {
    it('refuses to make an enrollee a trainer, and to enroll a trainer, naming the field', async () => {
      const before = await trainersOf(running.id);
      const asTrainer = await api
        .http()
        .patch(`/api/sessions/${running.id}`)
        .set('authorization', vendorTrainer)
        .send({
          trainers: [
            { userId: liMing.id, role: 'lead' },
            { userId: sunLi.id, role: 'assistant' },
          ],
        });
      expect(asTrainer.status).toBe(422);
      expect(asTrainer.body).toMatchObject({ code: 'TRAINER_IS_ENROLLED', userIds: [sunLi.id] });
      expect(asTrainer.body.errors[0].field).toBe('trainers');
      expect(await trainersOf(running.id)).toEqual(before);

      const asTrainee = await api
        .http()
        .post(`/api/sessions/${running.id}/enrollments`)
        .set('authorization', vendorTrainer)
        .send({ userIds: [liMing.id, wangFang.id] });
      expect(asTrainee.status).toBe(422);
      expect(asTrainee.body).toMatchObject({ code: 'ENROLLEE_IS_TRAINER', userIds: [liMing.id] });
      expect(asTrainee.body.errors[0].field).toBe('userIds');
      const [enrolled] = await api.dataSource.query(
        'SELECT count(*)::int AS n FROM session_enrollment WHERE session_id = $1 AND user_id = ANY($2::uuid[])',
        [running.id, [liMing.id, wangFang.id]],
      );
      expect(enrolled.n).toBe(0);
    });

    it('lets the lead change the trainers, not an assistant; the log keeps who, before and after', async () => {
      const added = await api
        .http()
        .patch(`/api/sessions/${held.id}`)
        .set('authorization', liMing.token)
        .send({
          trainers: [
            { userId: liMing.id, role: 'lead' },
            { userId: wangFang.id, role: 'assistant' },
          ],
        });
      expect(added.status).toBe(200);
      expect(added.body.trainers).toEqual(
        expect.arrayContaining([
          { userId: liMing.id, role: 'lead' },
          { userId: wangFang.id, role: 'assistant' },
        ]),
      );
      const entries = await api
        .http()
        .get(`/api/audit-entries?entity=TrainingSession&entityId=${held.id}&action=staff`)
        .set('authorization', admin);
      expect(entries.status).toBe(200);
      const latest = entries.body.data[0];
      expect(latest).toMatchObject({
        actorId: liMing.id,
        action: 'staff',
        before: { trainers: [{ userId: liMing.id, role: 'lead' }] },
        after: {
          trainers: expect.arrayContaining([
            { userId: liMing.id, role: 'lead' },
            { userId: wangFang.id, role: 'assistant' },
          ]),
        },
      });

      const takeOver = [
        { userId: wangFang.id, role: 'assistant' as const },
        { userId: liMing.id, role: 'lead' as const },
        { userId: zhouJie.id, role: 'assistant' as const },
      ];
      const refused = await api
        .http()
        .patch(`/api/sessions/${held.id}`)
        .set('authorization', wangFang.token)
        .send({ trainers: takeOver });
      expect(refused.status).toBe(403);
      // The service refuses the assistant too, whatever the route's guard lets through; the trainers sent
      // back unchanged with another edit are no change of staff.
      const sessions = api.app.get(SessionsService);
      await expect(asActor(wangFang.id, () => sessions.update(held.id, { trainers: takeOver }))).rejects.toMatchObject({
        status: 403,
        code: 'STAFFING_FORBIDDEN',
      });
      const retitled = await asActor(wangFang.id, () =>
        sessions.update(held.id, { title: '采购下单（复盘）', trainers: added.body.trainers }),
      );
      expect(retitled.title).toBe('采购下单（复盘）');
      expect(await trainersOf(held.id)).toEqual([`assistant:${wangFang.id}`, `lead:${liMing.id}`]);
      const [{ n }] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE entity = 'TrainingSession' AND entity_id = $1 AND action = 'staff'`,
        [held.id],
      );
      // The lead's change only: the refused change and the unchanged list wrote none.
      expect(n).toBe(1);
    });

    it('lets a vendor trainer serving the client and an admin restaff any of its sessions', async () => {
      const byVendor = await api
        .http()
        .patch(`/api/sessions/${held.id}`)
        .set('authorization', vendorTrainer)
        .send({ trainers: [{ userId: liMing.id, role: 'lead' }] });
      expect(byVendor.status).toBe(200);
      const byAdmin = await api
        .http()
        .patch(`/api/sessions/${held.id}`)
        .set('authorization', admin)
        .send({
          trainers: [
            { userId: liMing.id, role: 'lead' },
            { userId: world.trainerA.id, role: 'assistant' },
          ],
        });
      expect(byAdmin.status).toBe(200);
      const [entry] = await api.dataSource.query(
        `SELECT actor_id, before, after FROM audit_entry
          WHERE entity = 'TrainingSession' AND entity_id = $1 AND action = 'staff' ORDER BY created_at DESC LIMIT 1`,
        [held.id],
      );
      expect(entry.actor_id).toBe(world.admin.id);
      expect(entry.before).toEqual({ trainers: [{ userId: liMing.id, role: 'lead' }] });
    });

    it('makes whoever else schedules a session its lead', async () => {
      const refused = await api
        .http()
        .post('/api/sessions')
        .set('authorization', wangFang.token)
        .send({
          planId: plan.id,
          moduleId: plan.modules[0].id,
          startsAt: minutesFromNow(3 * 24 * 60),
          endsAt: minutesFromNow(3 * 24 * 60 + 60),
          timeZone: 'Asia/Shanghai',
          location: '仓库',
          capacity: 10,
          trainers: [
            { userId: zhouJie.id, role: 'lead' },
            { userId: wangFang.id, role: 'assistant' },
          ],
        });
      expect(refused.status).toBe(403);
    });
  });

  describe('attendance', () => {
    it('a trainer marking someone writes a markAttendance entry with who, before and after; a code check-in does not', async () => {
      const first = await api
        .http()
        .post(`/api/sessions/${running.id}/attendance`)
        .set('authorization', liMing.token)
        .send({ userId: world.traineeA.id, status: 'present' });
      expect(first.status).toBe(200);
      const second = await api
        .http()
        .post(`/api/sessions/${running.id}/attendance`)
        .set('authorization', admin)
        .send({ userId: world.traineeA.id, status: 'excused', note: '临时出差' });
      expect(second.status).toBe(200);
      const entries: { actor_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[] =
        await api.dataSource.query(
          `SELECT actor_id, before, after FROM audit_entry
            WHERE action = 'markAttendance' AND entity = 'Attendance' AND entity_id = $1 ORDER BY created_at`,
          [first.body.id],
        );
      expect(entries).toHaveLength(2);
      expect(entries[0]).toMatchObject({ actor_id: liMing.id, before: null, after: { status: 'present' } });
      expect(entries[1]).toMatchObject({
        actor_id: world.admin.id,
        before: { status: 'present', markedBy: liMing.id },
        after: { status: 'excused', note: '临时出差', markedBy: world.admin.id },
      });

      const trainee2 = await api.login(world.traineeA2.email);
      const code = (
        await api.http().get(`/api/sessions/${running.id}/check-in-code`).set('authorization', liMing.token)
      ).body.code;
      const checkedIn = await api
        .http()
        .post(`/api/sessions/${running.id}/check-ins`)
        .set('authorization', trainee2)
        .send({ code });
      expect(checkedIn.status).toBe(201);
      const [{ n }] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'markAttendance' AND entity_id = $1`,
        [checkedIn.body.id],
      );
      expect(n).toBe(0);
    });

    it('nobody marks their own attendance, and a trainer is not an attendee', async () => {
      const self = await api
        .http()
        .post(`/api/sessions/${running.id}/attendance`)
        .set('authorization', liMing.token)
        .send({ userId: liMing.id, status: 'present' });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('OWN_ATTENDANCE');
      const ofLead = await api
        .http()
        .post(`/api/sessions/${running.id}/attendance`)
        .set('authorization', admin)
        .send({ userId: liMing.id, status: 'present' });
      expect(ofLead.status).toBe(422);
      expect(ofLead.body.code).toBe('ENROLLEE_IS_TRAINER');
      const code = (
        await api.http().get(`/api/sessions/${running.id}/check-in-code`).set('authorization', liMing.token)
      ).body.code;
      const leadChecksIn = await api
        .http()
        .post(`/api/sessions/${running.id}/check-ins`)
        .set('authorization', liMing.token)
        .send({ code });
      expect(leadChecksIn.status).toBe(422);
      expect(leadChecksIn.body.code).toBe('ENROLLEE_IS_TRAINER');
      const [{ n }] = await api.dataSource.query(
        'SELECT count(*)::int AS n FROM attendance WHERE session_id = $1 AND user_id = $2',
        [running.id, liMing.id],
      );
      expect(n).toBe(0);
    });
  });

  describe('a lead who may no longer lead', () => {
    const upcoming = (lead: string, day: number) =>
      createSession(api, vendorTrainer, plan, {
        startsAt: minutesFromNow(day * 24 * 60),
        endsAt: minutesFromNow(day * 24 * 60 + 90),
        location: `${day} 号室`,
        trainers: [
          { userId: lead, role: 'lead' },
          { userId: world.trainerA.id, role: 'assistant' },
        ],
      });
    const lapseNotices = (sessionId: string) =>
      api.dataSource.query(
        `SELECT user_id, title, body, link FROM notification WHERE kind = 'session_lead_lapsed' AND link = $1 ORDER BY user_id`,
        [`/sessions/${sessionId}/show`],
      ) as Promise<{ user_id: string; title: string; body: string; link: string }[]>;

    it('flags the session the moment the lead’s qualification is revoked, and tells its trainers', async () => {
      const session = await upcoming(zhaoLei.id, 4);
      expect(session).toMatchObject({ leadQualification: 'valid', needsNewLead: false });
      const revoked = await api
        .http()
        .post(`/api/qualifications/${qualificationOf[zhaoLei.id]}/revoke`)
        .set('authorization', admin)
        .send({ reason: '培训质量不达标' });
      expect(revoked.status).toBe(200);
      expect(await get(session.id)).toMatchObject({ leadQualification: 'revoked', needsNewLead: true });
      const listed = await api
        .http()
        .get(`/api/sessions?planId=${plan.id}&perPage=100`)
        .set('authorization', vendorTrainer);
      expect(listed.body.data.find((s: TrainingSessionView) => s.id === session.id)).toMatchObject({
        needsNewLead: true,
      });

      await api.relay();
      const notices = await eventually(
        async () => {
          const rows = await lapseNotices(session.id);
          return rows.length >= 2 ? rows : undefined;
        },
        20_000,
        'the lead-lapsed notices',
      );
      expect(notices.map((n) => n.user_id).sort()).toEqual([zhaoLei.id, world.trainerA.id].sort());
      expect(notices.find((n) => n.user_id === world.trainerA.id)?.body).toContain('赵磊');

      // A vendor trainer serving the client names a new lead: the flag clears.
      const replaced = await api
        .http()
        .patch(`/api/sessions/${session.id}`)
        .set('authorization', vendorTrainer)
        .send({ trainers: [{ userId: world.trainerA.id, role: 'lead' }] });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ leadQualification: 'valid', needsNewLead: false });
    });

    it('flags it at once when the lead’s qualification expires before the start, and the expiry sweep tells its trainers', async () => {
      const session = await upcoming(zhouJie.id, 5);
      expect(session.needsNewLead).toBe(false);
      // The qualification now ends tomorrow, before the session starts: no sweep has run yet.
      await api.dataSource.query(`UPDATE qualification SET expires_at = now() + interval '1 day' WHERE id = $1`, [
        qualificationOf[zhouJie.id],
      ]);
      expect(await get(session.id)).toMatchObject({ leadQualification: 'expired', needsNewLead: true });
      expect(await lapseNotices(session.id)).toEqual([]);

      // Two days on, the hourly sweep expires it and the session's trainers hear of it.
      const later = new Date(Date.now() + 2 * 24 * 3600_000);
      await RequestContext.runAsSystem(() => api.app.get(QualificationsService).sweep(later));
      const [{ status }] = await api.dataSource.query('SELECT status FROM qualification WHERE id = $1', [
        qualificationOf[zhouJie.id],
      ]);
      expect(status).toBe('expired');
      expect(await get(session.id)).toMatchObject({ leadQualification: 'expired', needsNewLead: true });
      await api.relay();
      const notices = await eventually(
        async () => {
          const rows = await lapseNotices(session.id);
          return rows.length >= 2 ? rows : undefined;
        },
        20_000,
        'the lead-lapsed notices after expiry',
      );
      expect(notices.map((n) => n.user_id).sort()).toEqual([zhouJie.id, world.trainerA.id].sort());
    });

    it('does not gate vendor trainers, nor flag sessions that started or were cancelled', async () => {
      const byVendor = await createSession(api, vendorTrainer, plan, {
        startsAt: minutesFromNow(6 * 24 * 60),
        endsAt: minutesFromNow(6 * 24 * 60 + 60),
        location: '六号室',
      });
      expect(byVendor).toMatchObject({ leadQualification: 'valid', needsNewLead: false });
      expect(await get(running.id)).toMatchObject({ leadQualification: null, needsNewLead: false });
      const cancelled = await api
        .http()
        .post(`/api/sessions/${byVendor.id}/cancel`)
        .set('authorization', vendorTrainer)
        .send({ reason: '改期' });
      expect(cancelled.body).toMatchObject({ leadQualification: null, needsNewLead: false });
    });
  });
});

describe('public certificate verification of codes of any length', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it.each([24, 300, 5000])('answers an unknown code of %i characters with the same 404 problem', async (length) => {
    const short = await api.http().get('/api/verify/not-a-real-code');
    const response = await api.http().get(`/api/verify/${'x'.repeat(length)}`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const { instance: _shortInstance, ...shortProblem } = short.body;
    const { instance: _instance, ...problem } = response.body;
    expect(problem).toEqual(shortProblem);
    expect(problem).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
