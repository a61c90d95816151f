import { CriterionProgress, QualificationView } from '@cascade/contracts';
import {
  addClientUsers,
  createPlan,
  createSession,
  createWorld,
  minutesFromNow,
  startTestApi,
  TestApi,
  World,
  WorldUser,
} from '@cascade/server/testing';

/**
 * Anonymous feedback reaches aggregates only in batches of at least three responses: a
 * session's summary, the rated trainer's qualification evidence and status, and the trainer
 * scorecards all stay exactly as they were until a whole batch closes, so no sequence of
 * reads tells what one person answered.
 */
describe('feedback anonymity in batches', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let manager: string;
  let zhang: WorldUser & { name: string };
  let attendees: { id: string; token: string }[];
  let qualificationId: string;
  let sessionId: string;
  let sessionTitle: string;
  let formId: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => api.login(u.email)));
    [zhang] = await addClientUsers(api, world, [{ name: '张伟', isKeyUser: true }]);
    const people = await addClientUsers(
      api,
      world,
      [1, 2, 3, 4, 5, 6, 7].map((n) => ({ name: `学员${n}`, departmentId: null })),
    );
    attendees = await Promise.all(people.map(async (p) => ({ id: p.id, token: await api.login(p.email) })));

    const track = await api
      .http()
      .post('/api/qualification-tracks')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购内训师',
        businessProcesses: ['采购 / 下单'],
        validityMonths: 12,
        criteria: [{ kind: 'trainer_feedback', minAverage: 3.5, minResponses: 3 }],
      });
    expect(track.status).toBe(201);
    const nominated = await api
      .http()
      .post('/api/qualifications')
      .set('authorization', manager)
      .send({ trackId: track.body.id, userId: zhang.id });
    expect(nominated.status).toBe(201);
    qualificationId = nominated.body.id;

    const form = await api
      .http()
      .post('/api/feedback-forms')
      .set('authorization', trainer)
      .send({
        organizationId: world.vendor.id,
        title: '匿名讲师反馈',
        anonymous: true,
        items: [
          { id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲解清楚' },
          { id: 'nps', type: 'nps_0_10', about: 'session', text: '推荐意愿' },
          { id: 'comment', type: 'free_text', about: 'trainer', text: '建议', required: false },
        ],
      });
    expect(form.status).toBe(201);
    formId = form.body.id;
    const plan = await createPlan(api, world, trainer, { title: '匿名反馈计划' });
    const session = await createSession(api, trainer, plan, {
      startsAt: minutesFromNow(-150),
      endsAt: minutesFromNow(-30),
      trainers: [
        { userId: world.trainerA.id, role: 'lead' },
        { userId: zhang.id, role: 'assistant' },
      ],
    });
    sessionId = session.id;
    sessionTitle = session.title;
    await api
      .http()
      .post(`/api/sessions/${session.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: attendees.map((a) => a.id) });
    for (const person of attendees) {
      const marked = await api
        .http()
        .post(`/api/sessions/${session.id}/attendance`)
        .set('authorization', trainer)
        .send({ userId: person.id, status: 'present' });
      expect(marked.status).toBe(200);
    }
    const chosen = await api
      .http()
      .put(`/api/training-plans/${plan.id}/feedback-form`)
      .set('authorization', trainer)
      .send({ formId });
    expect(chosen.status).toBe(200);
  });
  afterAll(() => api?.close());

  /** Everything a trainer or manager can read that carries these ratings, re-evaluated from the records now. */
  const visible = async () => {
    const refreshed = await api
      .http()
      .post(`/api/qualifications/${qualificationId}/evaluate`)
      .set('authorization', trainer);
    expect(refreshed.status).toBe(200);
    const qualification: QualificationView = (
      await api.http().get(`/api/qualifications/${qualificationId}`).set('authorization', manager)
    ).body;
    const evidence = qualification.progress.find((p: CriterionProgress) => p.kind === 'trainer_feedback')!;
    const read = async (path: string) => {
      const response = await api.http().get(path).set('authorization', manager);
      expect(response.status).toBe(200);
      return response.body;
    };
    return {
      status: qualification.status,
      evidence: {
        met: evidence.met,
        current: evidence.current,
        count: evidence.count,
        labels: evidence.evidence.map((e) => e.label),
      },
      summary: await read(`/api/sessions/${sessionId}/feedback-summary`),
      zhangCard: await read(`/api/users/${zhang.id}/trainer-feedback`),
      leadCard: await read(`/api/users/${world.trainerA.id}/trainer-feedback`),
    };
  };

  const respond = async (index: number, zhangRating: number, comment?: string) => {
    const given = await api
      .http()
      .post(`/api/sessions/${sessionId}/feedback`)
      .set('authorization', attendees[index].token)
      .send({
        formId,
        answers: [
          { itemId: 'clarity', trainerId: world.trainerA.id, value: 4 },
          { itemId: 'clarity', trainerId: zhang.id, value: zhangRating },
          { itemId: 'nps', value: 9 },
          ...(comment ? [{ itemId: 'comment', trainerId: zhang.id, value: comment }] : []),
        ],
      });
    expect(given.status).toBe(201);
    expect(given.body.anonymous).toBe(true);
  };

  /** Notices of having qualified in 张伟's inbox (written in the evaluating transaction). */
  const qualifiedNotices = async () => {
    const token = await api.login(zhang.email);
    const inbox = (await api.http().get('/api/me/notifications?perPage=100').set('authorization', token)).body;
    return inbox.data.filter((n: { kind: string }) => n.kind === 'qualification_qualified').length;
  };

  const clarityOf = (summary: { items: { itemId: string; trainerId: string | null }[] }, trainerId: string) =>
    summary.items.find((i) => i.itemId === 'clarity' && i.trainerId === trainerId);

  it('shows nothing of the first two responses anywhere', async () => {
    const before = await visible();
    expect(before.status).toBe('candidate');
    expect(before.evidence).toEqual({ met: false, current: 0, count: 0, labels: [] });
    expect(before.summary).toMatchObject({ responses: 0, withheld: true, items: [] });
    expect(before.zhangCard).toMatchObject({ responses: 0, overallMean: null, perModule: [], comments: [] });

    await respond(0, 1, '多举业务例子');
    expect(await visible()).toEqual(before);
    // With the leak, his evidence read "1 (1)" here and "3 (2)" after the next one: the second rater gave 5.
    await respond(1, 5);
    expect(await visible()).toEqual(before);
  });

  it('releases the first three together as one batch', async () => {
    await respond(2, 3);
    const first = await visible();
    expect(first.status).toBe('in_progress');
    // Below the track's 3.5: in progress, not qualified.
    expect(first.evidence).toEqual({ met: false, current: 3, count: 3, labels: [`${sessionTitle}: 3 (3)`] });
    expect(first.summary).toMatchObject({ responses: 3, withheld: false, anonymous: true });
    expect(clarityOf(first.summary, zhang.id)).toMatchObject({ mean: 3, responses: 3 });
    expect(clarityOf(first.summary, world.trainerA.id)).toMatchObject({ mean: 4, responses: 3 });
    expect(first.summary.items.find((i: { itemId: string }) => i.itemId === 'comment').comments).toEqual([
      '多举业务例子',
    ]);
    expect(first.zhangCard).toMatchObject({ responses: 3, overallMean: 3 });
    expect(first.zhangCard.overTime).toEqual([expect.objectContaining({ mean: 3, responses: 3 })]);
    expect(first.leadCard).toMatchObject({ responses: 3, overallMean: 4 });

    const batches = await api.dataSource.query(
      `SELECT seq, responses FROM feedback_batch WHERE session_id = $1 ORDER BY seq`,
      [sessionId],
    );
    expect(batches).toEqual([{ seq: 1, responses: 3 }]);
  });

  it('changes nothing visible for the fourth and fifth responses, then releases the next three', async () => {
    const first = await visible();
    await respond(3, 5, '节奏可以再慢一点');
    expect(await visible()).toEqual(first);
    // Counted one at a time, the fourth (5) would lift his mean to 3.5 and qualify him now.
    expect(await qualifiedNotices()).toBe(0);
    await respond(4, 5);
    expect(await visible()).toEqual(first);
    expect(await qualifiedNotices()).toBe(0);

    await respond(5, 4);
    const second = await visible();
    expect(second).not.toEqual(first);
    // Six ratings of him (1, 5, 3 and 5, 5, 4): mean 3.83, enough to qualify, and only now.
    expect(second.status).toBe('qualified');
    expect(await qualifiedNotices()).toBe(1);
    expect(second.evidence).toEqual({ met: true, current: 3.83, count: 6, labels: [`${sessionTitle}: 3.83 (6)`] });
    expect(second.summary).toMatchObject({ responses: 6, withheld: false });
    expect(clarityOf(second.summary, zhang.id)).toMatchObject({ mean: 3.83, responses: 6 });
    expect(second.zhangCard).toMatchObject({ responses: 6, overallMean: 3.83 });
    expect(second.leadCard).toMatchObject({ responses: 6, overallMean: 4 });
    expect([...second.summary.items.find((i: { itemId: string }) => i.itemId === 'comment').comments].sort()).toEqual(
      ['多举业务例子', '节奏可以再慢一点'].sort(),
    );

    // A seventh response waits: one alone would tell its rating by difference.
    await respond(6, 2, '很好');
    expect(await visible()).toEqual(second);
    const stored = await api.dataSource.query(
      `SELECT b.seq, count(r.id)::int AS n FROM feedback_response r LEFT JOIN feedback_batch b ON b.id = r.batch_id
        WHERE r.session_id = $1 GROUP BY b.seq ORDER BY b.seq NULLS LAST`,
      [sessionId],
    );
    expect(stored).toEqual([
      { seq: 1, n: 3 },
      { seq: 2, n: 3 },
      { seq: null, n: 1 },
    ]);
  });
});
