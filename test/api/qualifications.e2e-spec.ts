import { QualificationView, TrainingPlanView } from '@cascade/contracts';
import { RequestContext } from '@cascade/server/core';
import { hashPassword, Organization, UsersService } from '@cascade/server/identity';
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
  TEST_PASSWORD,
  TestApi,
  World,
} from '@cascade/server/testing';

const DAY = 86_400_000;

/**
 * Train the trainer: a key user on a track gathers every kind of evidence through the real
 * services (exam, attendance, co-delivery with feedback, a signed teach-back), is qualified by
 * the queue, may then lead, is reminded before expiry and loses the lead when it expires.
 */
describe('qualifications', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let admin: string;
  let manager: string;
  let candidate: string;
  let endUser: { id: string; token: string };
  let clientTrainer: string;
  let plan: TrainingPlanView;
  let examId: string;
  let questionId: string;
  let trackId: string;
  let qualificationId: string;
  const BP = '采购 / 下单';
  const CHECKLIST = ['开场与目标', '系统演示', '答疑'];

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    await api.dataSource.query(`UPDATE department SET manager_id = $1 WHERE id = $2`, [
      world.managerA.id,
      world.departmentA.id,
    ]);
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const clientA = await api.dataSource.getRepository(Organization).findOneByOrFail({ id: world.clientA.id });
    const [end, internal] = await RequestContext.runAsSystem(() =>
      api.dataSource.transaction((m) =>
        api.app.get(UsersService).createMany(m, clientA, [
          {
            organizationId: clientA.id,
            email: `end-user.${clientA.id.slice(0, 6)}@example.test`,
            name: '郑华',
            roles: ['trainee'],
            departmentId: world.departmentA.id,
            passwordHash,
          },
          {
            organizationId: clientA.id,
            email: `internal.${clientA.id.slice(0, 6)}@example.test`,
            name: '内部讲师',
            // Not yet qualified: a client user holds no trainer role until then.
            roles: ['trainee'],
            departmentId: world.departmentA.id,
            passwordHash,
          },
        ]),
      ),
    );
    [trainer, admin, manager, candidate, clientTrainer] = await Promise.all(
      [world.trainerA.email, world.admin.email, world.managerA.email, world.traineeA.email, internal.email].map((e) =>
        api.login(e),
      ),
    );
    endUser = { id: end.id, token: await api.login(end.email) };
    plan = await createPlan(api, world, trainer, { title: '讲师培养计划' });
    const question = await api
      .http()
      .post('/api/questions')
      .set('authorization', trainer)
      .send({ organizationId: world.clientA.id, ...QUESTION_EXAMPLES.single_choice, status: 'active' });
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购认证考试',
        kind: 'certification',
        questionIds: [question.body.id],
        timeLimitMinutes: 20,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(120),
        passPercent: 60,
        showResults: 'immediately',
        assignees: { userIds: [world.traineeA.id] },
      });
    expect(exam.status).toBe(201);
    examId = exam.body.id;
    questionId = question.body.id;
  });
  afterAll(() => api?.close());

  const get = async (id = qualificationId): Promise<QualificationView> =>
    (await api.http().get(`/api/qualifications/${id}`).set('authorization', trainer)).body;
  const inbox = async (token: string, kind: string) =>
    (await api.http().get('/api/me/notifications?perPage=100').set('authorization', token)).body.data.filter(
      (n: { kind: string }) => n.kind === kind,
    );
  const sweep = (now: Date) => RequestContext.runAsSystem(() => api.app.get(QualificationsService).sweep(now));
  const track = (fields: Record<string, unknown>) =>
    api
      .http()
      .post('/api/qualification-tracks')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购内训师',
        businessProcesses: [BP],
        validityMonths: 12,
        criteria: [{ kind: 'co_delivery', sessions: 2 }],
        ...fields,
      });

  it('refuses a track naming an exam or plan the client does not have (422 naming the field)', async () => {
    const missingExam = await track({
      criteria: [{ kind: 'exam', examId: '00000000-0000-4000-8000-000000000000', minPercent: 80 }],
    });
    expect(missingExam.status).toBe(422);
    expect(missingExam.body.errors).toEqual([{ field: 'criteria.0.examId', message: 'is not an exam of this client' }]);
    const missingPlan = await track({
      criteria: [
        { kind: 'co_delivery', sessions: 1 },
        { kind: 'attendance', planIds: ['00000000-0000-4000-8000-000000000001'], minPercent: 80 },
      ],
    });
    expect(missingPlan.status).toBe(422);
    expect(missingPlan.body.errors[0].field).toBe('criteria.1.planIds.0');
    const incomplete = await track({ criteria: [{ kind: 'exam', minPercent: 80 }] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors).toEqual([{ field: 'criteria.0.examId', message: 'is required' }]);
    expect((await track({}).set('authorization', manager)).status).toBe(403);
  });

  it('creates a track with every kind of criterion and puts a key user on it', async () => {
    const created = await track({
      criteria: [
        { kind: 'exam', examId, minPercent: 80 },
        { kind: 'attendance', planIds: [plan.id], minPercent: 100 },
        { kind: 'co_delivery', sessions: 2 },
        { kind: 'trainer_feedback', minAverage: 4, minResponses: 2 },
        { kind: 'teach_back', checklist: CHECKLIST },
      ],
      renewal: { exam: { examId, minPercent: 90 } },
    });
    expect(created.status).toBe(201);
    trackId = created.body.id;
    const nominated = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', manager)
      .send({ trackId, userId: world.traineeA.id });
    expect(nominated.status).toBe(201);
    qualificationId = nominated.body.id;
    expect(nominated.body).toMatchObject({ status: 'candidate', userName: 'trainee-a', qualifiedAt: null });
    expect(nominated.body.progress.map((p: { kind: string; met: boolean }) => [p.kind, p.met])).toEqual([
      ['exam', false],
      ['attendance', false],
      ['co_delivery', false],
      ['trainer_feedback', false],
      ['teach_back', false],
    ]);
    const again = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', trainer)
      .send({ trackId, userId: world.traineeA.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ON_TRACK');
  });

  it('does not let a candidate lead (409 naming them and what is missing), but lets them assist', async () => {
    const led = await api
      .http()
      .post('/api/sessions')
      .set('authorization', trainer)
      .send({
        planId: plan.id,
        moduleId: plan.modules[0].id,
        startsAt: minutesFromNow(60 * 24 * 3),
        endsAt: minutesFromNow(60 * 24 * 3 + 90),
        timeZone: 'Asia/Shanghai',
        capacity: 10,
        trainers: [{ userId: world.traineeA.id, role: 'lead' }],
      });
    expect(led.status).toBe(409);
    expect(led.body.code).toBe('LEAD_NOT_QUALIFIED');
    expect(led.body.userId).toBe(world.traineeA.id);
    expect(led.body.detail).toContain('trainee-a');
    expect(led.body.detail).toContain('still missing: exam, attendance, co_delivery, trainer_feedback, teach_back');
  });

  it('qualifies through the queue once every criterion is met, with the evidence behind each', async () => {
    // Attendance: the candidate attends the plan's session as a trainee.
    const attended = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(-900),
      endsAt: minutesFromNow(-840),
    });
    await api
      .http()
      .post(`/api/sessions/${attended.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: [world.traineeA.id] });
    const marked = await api
      .http()
      .post(`/api/sessions/${attended.id}/attendance`)
      .set('authorization', trainer)
      .send({ userId: world.traineeA.id, status: 'present' });
    expect(marked.status).toBe(200);

    // Co-delivery with feedback: two ended sessions where the candidate assists, rated on an anonymous form
    // by three attendees each, so every session's responses close one batch and count.
    const form = await api
      .http()
      .post('/api/feedback-forms')
      .set('authorization', trainer)
      .send({
        organizationId: world.vendor.id,
        title: '讲师反馈',
        anonymous: true,
        items: [{ id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲解清楚' }],
      });
    expect(form.status).toBe(201);
    const coPlan = await createPlan(api, world, trainer, { title: '最终用户培训' });
    await api
      .http()
      .put(`/api/training-plans/${coPlan.id}/feedback-form`)
      .set('authorization', trainer)
      .send({ formId: form.body.id });
    const endUserToken = endUser.token;
    const a2 = await api.login(world.traineeA2.email);
    const [third] = await addClientUsers(api, world, [{ name: '第三位学员', departmentId: null }]);
    const thirdToken = await api.login(third.email);
    for (const [i, start] of [-700, -500].entries()) {
      const session = await createSession(api, trainer, coPlan, {
        startsAt: minutesFromNow(start),
        endsAt: minutesFromNow(start + 90),
        trainers: [
          { userId: world.trainerA.id, role: 'lead' },
          { userId: world.traineeA.id, role: 'assistant' },
        ],
      });
      await api
        .http()
        .post(`/api/sessions/${session.id}/enrollments`)
        .set('authorization', trainer)
        .send({ userIds: [world.traineeA2.id, endUser.id, third.id] });
      for (const userId of [world.traineeA2.id, endUser.id, third.id])
        await api
          .http()
          .post(`/api/sessions/${session.id}/attendance`)
          .set('authorization', trainer)
          .send({ userId, status: 'present' });
      for (const [token, rating] of [
        [a2, 5],
        [endUserToken, i === 0 ? 4 : 5],
        [thirdToken, 5],
      ] as const) {
        const given = await api
          .http()
          .post(`/api/sessions/${session.id}/feedback`)
          .set('authorization', token)
          .send({
            formId: form.body.id,
            answers: [
              { itemId: 'clarity', trainerId: world.trainerA.id, value: 3 },
              { itemId: 'clarity', trainerId: world.traineeA.id, value: rating },
            ],
          });
        expect(given.status).toBe(201);
      }
    }

    // The certification exam, passed.
    const attempt = (await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', candidate)).body;
    await api
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${questionId}`)
      .set('authorization', candidate)
      .send({ response: 'A', seq: 1 });
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', candidate);

    const inProgress = await eventually(
      async () => {
        const q = await get();
        return q.progress.filter((p) => p.met).length === 4 ? q : undefined;
      },
      20_000,
      'four criteria met',
    );
    expect(inProgress.status).toBe('in_progress');
    const byKind = Object.fromEntries(inProgress.progress.map((p) => [p.kind, p]));
    expect(byKind.exam).toMatchObject({ met: true, current: 100, required: 80 });
    expect(byKind.exam.evidence).toEqual([expect.objectContaining({ type: 'attempt', id: attempt.id })]);
    expect(byKind.attendance).toMatchObject({ met: true, current: 100, required: 100 });
    expect(byKind.attendance.evidence).toEqual([expect.objectContaining({ type: 'attendance', id: attended.id })]);
    expect(byKind.co_delivery).toMatchObject({ met: true, current: 2, required: 2 });
    expect(byKind.co_delivery.evidence).toHaveLength(2);
    // Six anonymous responses (5, 4, 5 and 5, 5, 5) in two batches: they count although nobody is named.
    expect(byKind.trainer_feedback).toMatchObject({
      met: true,
      current: 4.83,
      required: 4,
      count: 6,
      requiredCount: 2,
    });
    expect(byKind.teach_back).toMatchObject({ met: false, current: 0 });

    // The teach-back: only a vendor trainer may record and sign it.
    const body = {
      trackId,
      candidateId: world.traineeA.id,
      items: CHECKLIST.map((label) => ({ label, result: 'pass', comment: '清楚' })),
      comment: '可以独立授课',
    };
    for (const token of [clientTrainer, manager, candidate])
      expect((await api.http().post('/api/teach-backs').set('authorization', token).send(body)).status).toBe(403);
    const partial = await api
      .http()
      .post('/api/teach-backs')
      .set('authorization', trainer)
      .send({ ...body, items: body.items.slice(1) });
    expect(partial.status).toBe(422);
    expect(partial.body.errors[0].field).toBe('items');
    const failed = await api
      .http()
      .post('/api/teach-backs')
      .set('authorization', trainer)
      .send({
        ...body,
        items: body.items.map((item, i) => (i === 1 ? { ...item, result: 'fail' } : item)),
        sign: true,
      });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ passed: false });
    const draft = await api.http().post('/api/teach-backs').set('authorization', trainer).send(body);
    expect(draft.body).toMatchObject({ passed: true, signedAt: null });
    expect(
      (await api.http().post(`/api/teach-backs/${draft.body.id}/sign`).set('authorization', clientTrainer)).status,
    ).toBe(403);
    const signed = await api.http().post(`/api/teach-backs/${draft.body.id}/sign`).set('authorization', trainer);
    expect(signed.status).toBe(200);
    expect(signed.body.signedBy).toBe(world.trainerA.id);
    const late = await api
      .http()
      .patch(`/api/teach-backs/${draft.body.id}`)
      .set('authorization', trainer)
      .send({ comment: '改' });
    expect(late.status).toBe(409);

    const qualified = await eventually(
      async () => {
        const q = await get();
        return q.status === 'qualified' ? q : undefined;
      },
      20_000,
      'qualified',
    );
    expect(qualified.progress.every((p) => p.met)).toBe(true);
    expect(qualified.progress[4].evidence).toEqual([
      expect.objectContaining({ type: 'teach_back', id: draft.body.id }),
    ]);
    expect(qualified.qualifiedAt).toBe(signed.body.signedAt);
    const expires = new Date(qualified.qualifiedAt!);
    expires.setUTCFullYear(expires.getUTCFullYear() + 1);
    expect(qualified.expiresAt).toBe(expires.toISOString());
    expect(qualified.certificateId).not.toBeNull();
    const [certificate] = await api.dataSource.query(
      `SELECT kind, source_id, expires_at FROM certificate WHERE id = $1`,
      [qualified.certificateId],
    );
    expect(certificate).toMatchObject({ kind: 'qualification', source_id: qualificationId });
    // The trainer capability follows the valid qualification; no role is stored for it.
    const [user] = await api.dataSource.query(`SELECT roles FROM app_user WHERE id = $1`, [world.traineeA.id]);
    expect(user.roles).not.toContain('trainer');
    await eventually(async () => (await inbox(candidate, 'qualification_qualified')).length === 1, 10_000, 'inbox');
  });

  it('gives the same status and changes nothing when evaluated again', async () => {
    const before = await get();
    const again = await api
      .http()
      .post(`/api/qualifications/${qualificationId}/evaluate`)
      .set('authorization', trainer);
    expect(again.status).toBe(200);
    await RequestContext.runAsSystem(() => api.app.get(QualificationsService).evaluateUser(world.traineeA.id));
    const after = await get();
    expect(after).toEqual(before);
    expect(await inbox(candidate, 'qualification_qualified')).toHaveLength(1);
  });

  it('lets the qualified person lead sessions of the track’s business process only, and lists them for the picker', async () => {
    const session = (moduleIndex: number, days: number) =>
      api
        .http()
        .post('/api/sessions')
        .set('authorization', trainer)
        .send({
          planId: plan.id,
          moduleId: plan.modules[moduleIndex].id,
          startsAt: minutesFromNow(60 * 24 * days),
          endsAt: minutesFromNow(60 * 24 * days + 90),
          timeZone: 'Asia/Shanghai',
          capacity: 10,
          trainers: [{ userId: world.traineeA.id, role: 'lead' }],
        });
    expect((await session(0, 5)).status).toBe(201);
    const otherProcess = await session(1, 6);
    expect(otherProcess.status).toBe(409);
    expect(otherProcess.body.detail).toContain('no qualification on a track covering it');
    const beyondExpiry = await session(0, 400);
    expect(beyondExpiry.status).toBe(409);
    expect(beyondExpiry.body.detail).toContain('before the session starts');

    const picker = await api
      .http()
      .get('/api/sessions/eligible-leads')
      .query({ organizationId: world.clientA.id, businessProcess: BP })
      .set('authorization', trainer);
    expect(picker.status).toBe(200);
    expect(picker.body.data.map((l: { userId: string }) => l.userId)).toEqual(
      expect.arrayContaining([world.trainerA.id, world.traineeA.id]),
    );
    expect(picker.body.data.find((l: { userId: string }) => l.userId === world.traineeA.id)).toMatchObject({
      kind: 'client',
      qualification: { id: qualificationId, trackId },
    });
    const otherPicker = await api
      .http()
      .get('/api/sessions/eligible-leads')
      .query({ organizationId: world.clientA.id, businessProcess: '仓储 / 收货' })
      .set('authorization', trainer);
    expect(otherPicker.body.data.map((l: { userId: string }) => l.userId)).not.toContain(world.traineeA.id);
    // A client's manager sees their own organization's leads by default.
    const own = await api.http().get('/api/sessions/eligible-leads').set('authorization', manager);
    expect(own.body.data.map((l: { userId: string }) => l.userId)).toContain(world.traineeA.id);
  });

  it('keeps client B out (404)', async () => {
    const managerB = await api.login(world.managerB.email);
    const trainerB = await api.login(world.trainerB.email);
    expect((await api.http().get(`/api/qualifications/${qualificationId}`).set('authorization', managerB)).status).toBe(
      404,
    );
    expect((await api.http().get(`/api/qualification-tracks/${trackId}`).set('authorization', trainerB)).status).toBe(
      404,
    );
    const list = await api.http().get('/api/qualifications').set('authorization', managerB);
    expect(list.body.total).toBe(0);
    const picker = await api
      .http()
      .get('/api/sessions/eligible-leads')
      .query({ organizationId: world.clientA.id, businessProcess: BP })
      .set('authorization', managerB);
    expect(picker.status).toBe(404);
    // A trainee sees only their own.
    const own = await api
      .http()
      .get('/api/qualifications')
      .set('authorization', await api.login(world.traineeA2.email));
    expect(own.body.total).toBe(0);
  });

  it('reminds 30 and 7 days before expiry, each once, then expires and closes the gate', async () => {
    const expiresAt = new Date((await get()).expiresAt!);
    await sweep(new Date(expiresAt.getTime() - 20 * DAY));
    await sweep(new Date(expiresAt.getTime() - 19 * DAY));
    await sweep(new Date(expiresAt.getTime() - 5 * DAY));
    await sweep(new Date(expiresAt.getTime() - 4 * DAY));
    const expiring = await inbox(candidate, 'qualification_expiring');
    expect(expiring).toHaveLength(2);
    expect(expiring.map((n: { body: string }) => n.body).sort()).toEqual([
      expect.stringContaining('还有 20 天'),
      expect.stringContaining('还有 5 天'),
    ]);
    expect(await inbox(manager, 'qualification_expiring')).toHaveLength(2);
    expect((await get()).status).toBe('qualified');

    await sweep(new Date(expiresAt.getTime() + DAY));
    const expired = await get();
    expect(expired.status).toBe('expired');
    expect(await inbox(candidate, 'qualification_expired')).toHaveLength(1);
    expect(await inbox(manager, 'qualification_expired')).toHaveLength(1);
    // The certificate stays valid until its own expiry.
    const [certificate] = await api.dataSource.query(`SELECT revoked_at FROM certificate WHERE id = $1`, [
      expired.certificateId,
    ]);
    expect(certificate.revoked_at).toBeNull();
    await sweep(new Date(expiresAt.getTime() + 2 * DAY));
    expect(await inbox(candidate, 'qualification_expired')).toHaveLength(1);

    const closed = await api
      .http()
      .post('/api/sessions')
      .set('authorization', trainer)
      .send({
        planId: plan.id,
        moduleId: plan.modules[0].id,
        startsAt: minutesFromNow(60 * 24 * 8),
        endsAt: minutesFromNow(60 * 24 * 8 + 90),
        timeZone: 'Asia/Shanghai',
        capacity: 10,
        trainers: [{ userId: world.traineeA.id, role: 'lead' }],
      });
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toContain('has expired');
  });

  it('starts a second candidacy afresh and revokes it with a reason', async () => {
    const renominated = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', trainer)
      .send({ trackId, userId: world.traineeA.id });
    expect(renominated.status).toBe(201);
    expect(renominated.body.evidenceSince).not.toBeNull();
    // Earlier records no longer count; ratings keep only their day, so today's still do.
    expect(
      renominated.body.progress.map((p: { kind: string; met: boolean; current: number }) => [p.kind, p.met, p.current]),
    ).toEqual([
      ['exam', false, 0],
      ['attendance', false, 0],
      ['co_delivery', false, 0],
      ['trainer_feedback', true, 4.83],
      ['teach_back', false, 0],
    ]);
    expect(renominated.body.status).toBe('in_progress');
    const missingReason = await api
      .http()
      .post(`/api/qualifications/${renominated.body.id}/revoke`)
      .set('authorization', admin)
      .send({});
    expect(missingReason.status).toBe(400);
    const revoked = await api
      .http()
      .post(`/api/qualifications/${renominated.body.id}/revoke`)
      .set('authorization', admin)
      .send({ reason: '离职' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: '离职' });
    expect(revoked.body.revokedAt).not.toBeNull();
    const twice = await api
      .http()
      .post(`/api/qualifications/${renominated.body.id}/revoke`)
      .set('authorization', admin)
      .send({ reason: '再次' });
    expect(twice.status).toBe(409);
    const board = await api
      .http()
      .get('/api/qualifications')
      .query({ trackId, departmentId: world.departmentA.id })
      .set('authorization', manager);
    expect(board.body.data.map((q: QualificationView) => q.status).sort()).toEqual(['expired', 'revoked']);
  });
});
