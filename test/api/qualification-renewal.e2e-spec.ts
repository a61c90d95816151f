import { RequestContext } from '@cascade/server/core';
import { QualificationsService } from '@cascade/server/qualifications';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { createWorld, eventually, minutesFromNow, startTestApi, TestApi, World } from '@cascade/server/testing';

/** A qualification renewed by passing the track's renewal exam outlives its first expiry; one not renewed lapses. */
describe('qualification renewal', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let manager: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => api.login(u.email)));
  });
  afterAll(() => api?.close());

  it('extends the expiry by the validity when the renewal exam is passed, and expires the one who did not renew', async () => {
    const question = await api
      .http()
      .post('/api/questions')
      .set('authorization', trainer)
      .send({ organizationId: world.clientA.id, ...QUESTION_EXAMPLES.true_false, status: 'active' });
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '内训师年度复核',
        kind: 'certification',
        questionIds: [question.body.id],
        timeLimitMinutes: 10,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 80,
        showResults: 'immediately',
        assignees: { userIds: [world.traineeA.id, world.traineeA2.id] },
      });
    expect(exam.status).toBe(201);
    const track = await api
      .http()
      .post('/api/qualification-tracks')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购内训师（年度复核）',
        businessProcesses: ['采购 / 下单'],
        validityMonths: 12,
        criteria: [{ kind: 'teach_back', checklist: ['系统演示'] }],
        renewal: { exam: { examId: exam.body.id, minPercent: 80 } },
      });
    expect(track.status).toBe(201);

    const qualify = async (userId: string) => {
      const nominated = await api
        .http()
        .post('/api/qualifications')
        .set('authorization', manager)
        .send({ trackId: track.body.id, userId });
      expect(nominated.status).toBe(201);
      const signed = await api
        .http()
        .post('/api/teach-backs')
        .set('authorization', trainer)
        .send({
          trackId: track.body.id,
          candidateId: userId,
          items: [{ label: '系统演示', result: 'pass' }],
          sign: true,
        });
      expect(signed.status).toBe(201);
      return eventually(
        async () => {
          const view = (await api.http().get(`/api/qualifications/${nominated.body.id}`).set('authorization', manager))
            .body;
          return view.status === 'qualified' ? view : undefined;
        },
        20_000,
        'qualified',
      );
    };
    const renewing = await qualify(world.traineeA.id);
    const lapsing = await qualify(world.traineeA2.id);
    expect(renewing.renewedAt).toBeNull();
    const firstExpiry = new Date(renewing.expiresAt);

    // She passes the renewal exam within her validity.
    const trainee = await api.login(world.traineeA.email);
    const attempt = (await api.http().post(`/api/exams/${exam.body.id}/attempts`).set('authorization', trainee)).body;
    await api
      .http()
      .put(`/api/attempts/${attempt.id}/answers/${question.body.id}`)
      .set('authorization', trainee)
      .send({ response: QUESTION_EXAMPLES.true_false.key.correct, seq: 1 });
    await api.http().post(`/api/attempts/${attempt.id}/submit`).set('authorization', trainee);
    const renewed = await eventually(
      async () => {
        const view = (await api.http().get(`/api/qualifications/${renewing.id}`).set('authorization', manager)).body;
        return view.renewedAt ? view : undefined;
      },
      20_000,
      'the renewal',
    );
    const secondExpiry = new Date(renewed.expiresAt);
    expect(secondExpiry.getUTCFullYear()).toBe(firstExpiry.getUTCFullYear() + 1);
    expect(secondExpiry.getUTCMonth()).toBe(firstExpiry.getUTCMonth());
    expect(renewed.status).toBe('qualified');

    // A day after the first expiry: the renewed one holds, the other has lapsed.
    const dayAfter = new Date(firstExpiry.getTime() + 24 * 3600_000);
    await RequestContext.runAsSystem(() => api.app.get(QualificationsService).sweep(dayAfter));
    const [kept, lapsed] = await Promise.all(
      [renewing.id, lapsing.id].map(
        async (id) => (await api.http().get(`/api/qualifications/${id}`).set('authorization', manager)).body,
      ),
    );
    expect(kept).toMatchObject({ status: 'qualified', expiresAt: renewed.expiresAt });
    expect(lapsed.status).toBe('expired');
  });
});
