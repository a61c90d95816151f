import { RequestContext } from '@cascade/server/core';
import { QualificationsService } from '@cascade/server/qualifications';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
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

interface Person {
  id: string;
  name: string;
  token: string;
}

/**
 * The whole cascade: a vendor trainer trains key users; two of them pass the certification
 * exam, co-deliver a session with good feedback and pass a teach-back, and qualify with a
 * certificate that verifies. One then leads end users (three levels in the lineage, coverage
 * moves); with a faked clock her qualification expires and the gate closes. The other's is
 * revoked, and his certificate verifies as revoked.
 */
describe('the cascade, end to end', () => {
  let api: TestApi;
  let world: World;
  let vendorTrainer: string;
  let manager: string;
  let keyUsers: Person[];
  /** Rate the key users in the session they co-deliver. */
  let raters: Person[];
  /** Trained by 张伟 once she qualifies. */
  let endUsers: Person[];

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [vendorTrainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => api.login(u.email)));
    const made = await addClientUsers(
      api,
      world,
      ['张伟', '李娜', '王芳', '赵磊', '孙丽', '周杰'].map((name, i) => ({ name, isKeyUser: i < 2 })),
    );
    const people = await Promise.all(
      made.map(async (u) => ({ id: u.id, name: u.name, token: await api.login(u.email) })),
    );
    keyUsers = people.slice(0, 2);
    raters = people.slice(2, 4);
    endUsers = people.slice(4);
  });
  afterAll(() => api?.close());

  const http = () => api.http();
  const lineage = async () =>
    (await http().get(`/api/cascade/lineage?organizationId=${world.clientA.id}`).set('authorization', manager)).body;
  const coverage = async () =>
    (await http().get(`/api/cascade/coverage?organizationId=${world.clientA.id}`).set('authorization', manager)).body;
  const PROCESS = '采购 / 下单';

  it('takes key users from training to leading, and closes the gate when a qualification lapses', async () => {
    const before = (await coverage()).processes.find((p: { businessProcess: string }) => p.businessProcess === PROCESS);
    expect(before?.qualifiedTrainers ?? []).toEqual([]);

    // The certification exam on the client's business.
    const questions: string[] = [];
    for (const type of ['single_choice', 'true_false'] as const) {
      const created = await http()
        .post('/api/questions')
        .set('authorization', vendorTrainer)
        .send({
          organizationId: world.clientA.id,
          ...QUESTION_EXAMPLES[type],
          businessProcess: PROCESS,
          status: 'active',
        });
      questions.push(created.body.id);
    }
    const exam = await http()
      .post('/api/exams')
      .set('authorization', vendorTrainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购内训师认证',
        kind: 'certification',
        questionIds: questions,
        timeLimitMinutes: 30,
        opensAt: minutesFromNow(-10),
        closesAt: minutesFromNow(120),
        passPercent: 80,
        showResults: 'immediately',
        assignees: { userIds: keyUsers.map((k) => k.id) },
      });
    expect(exam.status).toBe(201);

    // A track naming an exam that does not exist is refused.
    const missing = await http()
      .post('/api/qualification-tracks')
      .set('authorization', vendorTrainer)
      .send({
        organizationId: world.clientA.id,
        title: '无效',
        businessProcesses: [PROCESS],
        criteria: [{ kind: 'exam', examId: '00000000-0000-4000-8000-000000000000', minPercent: 80 }],
      });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('criteria.0.examId');
    const track = await http()
      .post('/api/qualification-tracks')
      .set('authorization', vendorTrainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购内训师',
        businessProcesses: [PROCESS],
        validityMonths: 12,
        criteria: [
          { kind: 'exam', examId: exam.body.id, minPercent: 80 },
          { kind: 'co_delivery', sessions: 1 },
          { kind: 'trainer_feedback', minAverage: 4, minResponses: 2 },
          { kind: 'teach_back', checklist: ['开场与目标', '系统演示', '答疑'] },
        ],
      });
    expect(track.status).toBe(201);
    const qualificationOf: Record<string, string> = {};
    for (const key of keyUsers) {
      const nominated = await http()
        .post('/api/qualifications')
        .set('authorization', manager)
        .send({ trackId: track.body.id, userId: key.id });
      expect(nominated.status).toBe(201);
      qualificationOf[key.id] = nominated.body.id;
    }

    // 1. Both pass the certification exam.
    for (const key of keyUsers) {
      const attempt = (await http().post(`/api/exams/${exam.body.id}/attempts`).set('authorization', key.token)).body;
      for (const item of attempt.items) {
        const answer = item.question.type === 'single_choice' ? 'A' : QUESTION_EXAMPLES.true_false.key.correct;
        await http()
          .put(`/api/attempts/${attempt.id}/answers/${item.question.questionId}`)
          .set('authorization', key.token)
          .send({ response: answer, seq: 1 });
      }
      await http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', key.token);
    }

    // 2. They co-deliver a session the vendor trainer leads; the end users attend and rate them.
    const plan = await createPlan(api, world, vendorTrainer, {
      title: '采购推广',
      targets: [...raters, ...endUsers].map((u) => ({ userId: u.id, kind: 'end_user', businessProcess: PROCESS })),
    });
    // The vendor trainer trains the key users first.
    const keyUserTraining = await createSession(api, vendorTrainer, plan, {
      startsAt: minutesFromNow(-600),
      endsAt: minutesFromNow(-540),
    });
    await http()
      .post(`/api/sessions/${keyUserTraining.id}/enrollments`)
      .set('authorization', vendorTrainer)
      .send({ userIds: keyUsers.map((k) => k.id) });
    for (const key of keyUsers) {
      await http()
        .post(`/api/sessions/${keyUserTraining.id}/attendance`)
        .set('authorization', vendorTrainer)
        .send({ userId: key.id, status: 'present' });
    }
    const form = await http()
      .post('/api/feedback-forms')
      .set('authorization', vendorTrainer)
      .send({
        organizationId: world.vendor.id,
        title: '讲师评价',
        items: [{ id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲解清楚' }],
      });
    await http()
      .put(`/api/training-plans/${plan.id}/feedback-form`)
      .set('authorization', vendorTrainer)
      .send({ formId: form.body.id });
    // A key user may assist before qualifying, but may not lead.
    const unqualifiedLead = await http()
      .post('/api/sessions')
      .set('authorization', vendorTrainer)
      .send({
        planId: plan.id,
        moduleId: plan.modules[0].id,
        startsAt: minutesFromNow(600),
        endsAt: minutesFromNow(660),
        timeZone: 'Asia/Shanghai',
        capacity: 30,
        trainers: [{ userId: keyUsers[0].id, role: 'lead' }],
      });
    expect(unqualifiedLead.status).toBe(409);
    expect(unqualifiedLead.body.code).toBe('LEAD_NOT_QUALIFIED');
    const coDelivered = await createSession(api, vendorTrainer, plan, {
      startsAt: minutesFromNow(-400),
      endsAt: minutesFromNow(-340),
      trainers: [
        { userId: world.trainerA.id, role: 'lead' },
        ...keyUsers.map((k) => ({ userId: k.id, role: 'assistant' })),
      ],
    });
    await http()
      .post(`/api/sessions/${coDelivered.id}/enrollments`)
      .set('authorization', vendorTrainer)
      .send({ userIds: raters.map((u) => u.id) });
    for (const user of raters) {
      await http()
        .post(`/api/sessions/${coDelivered.id}/attendance`)
        .set('authorization', vendorTrainer)
        .send({ userId: user.id, status: 'present' });
    }
    for (const [i, user] of raters.entries()) {
      const given = await http()
        .post(`/api/sessions/${coDelivered.id}/feedback`)
        .set('authorization', user.token)
        .send({
          formId: form.body.id,
          answers: [world.trainerA.id, ...keyUsers.map((k) => k.id)].map((trainerId) => ({
            itemId: 'clarity',
            trainerId,
            value: i === 0 ? 4 : 5,
          })),
        });
      expect(given.status).toBe(201);
    }

    // 3. A teach-back: a client manager may not sign one; the vendor trainer does.
    const items = ['开场与目标', '系统演示', '答疑'].map((label) => ({ label, result: 'pass', comment: '清楚' }));
    const byManager = await http()
      .post('/api/teach-backs')
      .set('authorization', manager)
      .send({ trackId: track.body.id, candidateId: keyUsers[0].id, items, sign: true });
    expect(byManager.status).toBe(403);
    expect(byManager.body.code).toBe('FORBIDDEN');
    for (const key of keyUsers) {
      const signed = await http()
        .post('/api/teach-backs')
        .set('authorization', vendorTrainer)
        .send({ trackId: track.body.id, candidateId: key.id, items, sign: true });
      expect(signed.status).toBe(201);
    }

    // Qualified, through the queue, each with a certificate whose code verifies.
    const qualified = async (key: Person) =>
      eventually(
        async () => {
          const view = (
            await http().get(`/api/qualifications/${qualificationOf[key.id]}`).set('authorization', manager)
          ).body;
          return view.status === 'qualified' && view.certificateId ? view : undefined;
        },
        20_000,
        `${key.name} to qualify`,
      );
    const [zhang, li] = await Promise.all(keyUsers.map(qualified));
    expect(zhang.progress.every((p: { met: boolean }) => p.met)).toBe(true);
    const certificate = (
      await http().get(`/api/certificates/${zhang.certificateId}`).set('authorization', keyUsers[0].token)
    ).body;
    const verified = (await http().get(`/api/verify/${certificate.code}`)).body;
    expect(verified).toMatchObject({ status: 'valid', holderName: '张伟', title: certificate.title });

    // 4. 张伟 leads end users; the lineage shows three levels and the coverage moves.
    const led = await createSession(api, vendorTrainer, plan, {
      moduleId: plan.modules[0].id,
      startsAt: minutesFromNow(-200),
      endsAt: minutesFromNow(-140),
      trainers: [{ userId: keyUsers[0].id, role: 'lead' }],
    });
    await http()
      .post(`/api/sessions/${led.id}/enrollments`)
      .set('authorization', vendorTrainer)
      .send({ userIds: endUsers.map((u) => u.id) });
    for (const user of endUsers) {
      await http()
        .post(`/api/sessions/${led.id}/attendance`)
        .set('authorization', vendorTrainer)
        .send({ userId: user.id, status: 'present' });
    }
    const tree = await lineage();
    const vendorRoot = tree.roots.find((r: { userId: string }) => r.userId === world.trainerA.id);
    expect(vendorRoot.level).toBe('vendor');
    const internal = vendorRoot.children.find((c: { userId: string }) => c.userId === keyUsers[0].id);
    expect(internal).toMatchObject({ level: 'internal_trainer', sessionsLed: 1 });
    expect(internal.children.map((c: { userId: string; level: string }) => [c.userId, c.level]).sort()).toEqual(
      endUsers.map((u) => [u.id, 'end_user']).sort(),
    );
    expect(tree.counts.internal_trainer).toBe(1);
    const after = (await coverage()).processes.find((p: { businessProcess: string }) => p.businessProcess === PROCESS);
    expect(after.qualifiedTrainers.map((t: { userId: string }) => t.userId).sort()).toEqual(
      keyUsers.map((k) => k.id).sort(),
    );
    const months = (await coverage()).months;
    expect(months.reduce((sum: number, m: { ledByInternal: number }) => sum + m.ledByInternal, 0)).toBe(1);

    // 5. 李娜's qualification is revoked: her certificate verifies as revoked.
    const revoked = await http()
      .post(`/api/qualifications/${qualificationOf[keyUsers[1].id]}/revoke`)
      .set('authorization', vendorTrainer)
      .send({ reason: '多次缺席内训' });
    expect(revoked.status).toBe(200);
    const liCertificate = (await http().get(`/api/certificates/${li.certificateId}`).set('authorization', manager))
      .body;
    expect((await http().get(`/api/verify/${liCertificate.code}`)).body).toMatchObject({
      status: 'revoked',
      holderName: '李娜',
    });
    expect((await http().get('/api/verify/not-a-real-code')).status).toBe(404);
    // 6. A year and a day later her qualification has expired and the gate is closed.
    const lapse = new Date(new Date(zhang.expiresAt).getTime() + 24 * 3600_000);
    await RequestContext.runAsSystem(() => api.app.get(QualificationsService).sweep(lapse));
    const expired = (
      await http().get(`/api/qualifications/${qualificationOf[keyUsers[0].id]}`).set('authorization', manager)
    ).body;
    expect(expired.status).toBe('expired');
    const closed = await http()
      .post('/api/sessions')
      .set('authorization', vendorTrainer)
      .send({
        planId: plan.id,
        moduleId: plan.modules[0].id,
        startsAt: minutesFromNow(900),
        endsAt: minutesFromNow(960),
        timeZone: 'Asia/Shanghai',
        capacity: 30,
        trainers: [{ userId: keyUsers[0].id, role: 'lead' }],
      });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('LEAD_NOT_QUALIFIED');
  });
});
