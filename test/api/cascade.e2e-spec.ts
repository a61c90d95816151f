import { CascadeCoverage, CascadeLineage, LineageNode, TrainingPlanView } from '@cascade/contracts';
import {
  addClientUsers,
  createPlan,
  createSession,
  createTrack,
  createWorld,
  qualify,
  startTestApi,
  TestApi,
  World,
} from '@cascade/server/testing';

/**
 * A client's cascade, hand-checkable:
 *   S1 2025-03-03 采购  lead vendor trainer   张伟 present, 李娜 late
 *   S2 2025-03-10 仓储  lead vendor trainer   李娜 present, 孙丽 absent
 *   S3 2025-04-07 采购  lead 张伟             王芳 present, 赵磊 enrolled (no sign-in), 孙丽 declined
 *   S4 2025-04-14 采购  lead 张伟             王芳 present, 李娜 present
 *   S5 2025-04-21 仓储  lead 李娜             张伟 present, 王芳 present   (张伟 ↔ 李娜 is a cycle)
 *   S6 2025-04-28 采购  lead vendor trainer   cancelled: counts nowhere
 * Plan targets: 张伟 采购, 李娜 仓储, 王芳 采购, 赵磊 采购, 周杰 every process (never trained).
 */
describe('cascade', () => {
  let api: TestApi;
  let world: World;
  let trainer: string;
  let manager: string;
  const id: Record<string, string> = {};

  const person = async (name: string, isKeyUser: boolean) =>
    (await addClientUsers(api, world, [{ name, isKeyUser }]))[0].id;

  const session = async (
    plan: TrainingPlanView,
    module: number,
    day: string,
    lead: string,
    marks: Record<string, 'present' | 'late' | 'absent' | 'enrolled' | 'declined'>,
  ) => {
    const made = await createSession(api, trainer, plan, {
      moduleId: plan.modules[module].id,
      startsAt: `${day}T01:00:00.000Z`,
      endsAt: `${day}T03:00:00.000Z`,
    });
    const enrolled = await api
      .http()
      .post(`/api/sessions/${made.id}/enrollments`)
      .set('authorization', trainer)
      .send({ userIds: Object.keys(marks).map((n) => id[n]) });
    expect(enrolled.status).toBeLessThan(300);
    for (const [name, mark] of Object.entries(marks)) {
      if (mark === 'enrolled') continue;
      if (mark === 'declined') {
        await api.dataSource.query(
          `UPDATE session_enrollment SET status = 'declined' WHERE session_id = $1 AND user_id = $2`,
          [made.id, id[name]],
        );
        continue;
      }
      const marked = await api
        .http()
        .post(`/api/sessions/${made.id}/attendance`)
        .set('authorization', trainer)
        .send({ userId: id[name], status: mark });
      expect(marked.status).toBe(200);
    }
    // Client users lead through the qualification gate; the cascade only reads who led, so set it directly.
    if (lead !== 'vendor') {
      await api.dataSource.query(`UPDATE session_trainer SET user_id = $2 WHERE session_id = $1 AND role = 'lead'`, [
        made.id,
        id[lead],
      ]);
    }
    return made.id;
  };

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api);
    [trainer, manager] = await Promise.all([world.trainerA, world.managerA].map((u) => api.login(u.email)));
    await api.dataSource.query(`UPDATE app_user SET name = '张伟' WHERE id = $1`, [world.traineeA.id]);
    id['张伟'] = world.traineeA.id;
    id['李娜'] = await person('李娜', true);
    for (const name of ['王芳', '赵磊', '孙丽', '周杰']) id[name] = await person(name, false);
    const plan = await createPlan(api, world, trainer, {
      title: '级联计划',
      targets: [
        { userId: id['张伟'], kind: 'key_user', businessProcess: '采购 / 下单' },
        { userId: id['李娜'], kind: 'key_user', businessProcess: '仓储 / 收货' },
        { userId: id['王芳'], kind: 'end_user', businessProcess: '采购 / 下单' },
        { userId: id['赵磊'], kind: 'end_user', businessProcess: '采购 / 下单' },
        { userId: id['周杰'], kind: 'end_user', businessProcess: null },
      ],
    });
    await session(plan, 0, '2025-03-03', 'vendor', { 张伟: 'present', 李娜: 'late' });
    await session(plan, 1, '2025-03-10', 'vendor', { 李娜: 'present', 孙丽: 'absent' });
    await session(plan, 0, '2025-04-07', '张伟', { 王芳: 'present', 赵磊: 'enrolled', 孙丽: 'declined' });
    await session(plan, 0, '2025-04-14', '张伟', { 王芳: 'present', 李娜: 'present' });
    await session(plan, 1, '2025-04-21', '李娜', { 张伟: 'present', 王芳: 'present' });
    const cancelled = await session(plan, 0, '2025-04-28', 'vendor', { 孙丽: 'present' });
    await api.dataSource.query(`UPDATE training_session SET status = 'cancelled' WHERE id = $1`, [cancelled]);

    // Qualifications written straight to their tables: 张伟 qualified on 采购, 李娜's 仓储 qualification lapsed.
    const purchasing = await createTrack(api, world.clientA.id, '采购讲师', ['采购 / 下单']);
    const warehouse = await createTrack(api, world.clientA.id, '仓储讲师', ['仓储 / 收货']);
    await qualify(api, purchasing, id['张伟']);
    await qualify(api, warehouse, id['李娜'], { expiresAt: '2025-01-01T00:00:00Z' });
    await qualify(api, purchasing, id['王芳'], { status: 'in_progress', expiresAt: null });
  });
  afterAll(() => api?.close());

  const find = (nodes: LineageNode[], name: string): LineageNode | undefined => {
    for (const node of nodes) {
      if (node.name === name) return node;
      const below = find(node.children, name);
      if (below) return below;
    }
    return undefined;
  };
  const names = (nodes: LineageNode[]) => nodes.map((n) => n.name).sort();

  it('shows who trained whom: vendor consultant → key users who led → end users, each person once', async () => {
    const response = await api
      .http()
      .get(`/api/cascade/lineage?organizationId=${world.clientA.id}`)
      .set('authorization', manager);
    expect(response.status).toBe(200);
    const lineage = response.body as CascadeLineage;
    expect(lineage.roots.map((r) => [r.userId, r.level, r.depth])).toEqual([[world.trainerA.id, 'vendor', 0]]);
    const [vendor] = lineage.roots;
    expect(vendor).toMatchObject({ sessionsLed: 2, sessionsAttended: 0, firstTrainedAt: null });
    expect(names(vendor.children)).toEqual(['张伟', '李娜'].sort());
    // 张伟 and 李娜 trained each other later; each still hangs under who trained them first.
    const zhang = find(lineage.roots, '张伟')!;
    expect(zhang).toMatchObject({
      level: 'internal_trainer',
      depth: 1,
      isKeyUser: true,
      sessionsLed: 2,
      sessionsAttended: 2,
      firstTrainedAt: '2025-03-03T01:00:00.000Z',
    });
    expect(names(zhang.children)).toEqual(['王芳', '赵磊'].sort());
    expect(zhang.children.every((c) => c.level === 'end_user' && c.depth === 2 && c.children.length === 0)).toBe(true);
    expect(find(zhang.children, '王芳')).toMatchObject({
      sessionsAttended: 3,
      firstTrainedAt: '2025-04-07T01:00:00.000Z',
    });
    const li = find(lineage.roots, '李娜')!;
    expect(li).toMatchObject({
      level: 'internal_trainer',
      depth: 1,
      sessionsLed: 1,
      sessionsAttended: 3,
      children: [],
    });
    // Absent, declined and a cancelled session train nobody; a target never trained is not in the tree.
    expect(find(lineage.roots, '孙丽')).toBeUndefined();
    expect(find(lineage.roots, '周杰')).toBeUndefined();
    expect(lineage.counts).toEqual({ vendor: 1, internal_trainer: 2, end_user: 2 });
  });

  it('measures coverage per business process and the hand-over per month', async () => {
    const response = await api
      .http()
      .get(`/api/cascade/coverage?organizationId=${world.clientA.id}`)
      .set('authorization', trainer);
    expect(response.status).toBe(200);
    const coverage = response.body as CascadeCoverage;
    expect(coverage.processes).toEqual([
      {
        businessProcess: '仓储 / 收货',
        // 李娜's qualification has lapsed.
        qualifiedTrainers: [],
        // 李娜 and 周杰 named by the plan; 张伟 and 王芳 trained in it (S5).
        targetUsers: 4,
        targetUsersTrained: 3,
        // 张伟 and 王芳 by 李娜; 李娜 herself by the vendor.
        trainedByInternal: 2,
        internalShare: 0.6667,
        trainedShare: 0.75,
      },
      {
        businessProcess: '采购 / 下单',
        qualifiedTrainers: [{ userId: id['张伟'], name: '张伟', expiresAt: '2099-01-01T00:00:00.000Z' }],
        // 张伟, 王芳, 赵磊, 周杰 named; 李娜 trained in it too (S1, S4).
        targetUsers: 5,
        targetUsersTrained: 4,
        // 王芳, 赵磊 (S3) and 李娜 (S4) by 张伟; 张伟 only by the vendor.
        trainedByInternal: 3,
        internalShare: 0.75,
        trainedShare: 0.8,
      },
    ]);
    expect(coverage.months).toEqual([
      { month: '2025-03', sessions: 2, ledByInternal: 0, internalShare: 0 },
      { month: '2025-04', sessions: 3, ledByInternal: 3, internalShare: 1 },
    ]);
  });

  it('is for admins, the client’s vendor trainers and managers; other tenants get 404, its trainees 403', async () => {
    const [admin, trainerB, managerB, trainee] = await Promise.all(
      [world.admin, world.trainerB, world.managerB, world.traineeA].map((u) => api.login(u.email)),
    );
    const get = (path: string, token: string) => api.http().get(path).set('authorization', token);
    const lineage = `/api/cascade/lineage?organizationId=${world.clientA.id}`;
    const coverage = `/api/cascade/coverage?organizationId=${world.clientA.id}`;
    expect((await get(lineage, admin)).status).toBe(200);
    expect((await get(coverage, admin)).status).toBe(200);
    expect((await get(lineage, trainerB)).status).toBe(404);
    expect((await get(coverage, managerB)).status).toBe(404);
    expect((await get(lineage, trainee)).status).toBe(403);
    expect((await get(coverage, trainee)).status).toBe(403);
    expect((await get(`/api/cascade/lineage?organizationId=${world.vendor.id}`, admin)).status).toBe(404);
    const bad = await get('/api/cascade/coverage?organizationId=nope', manager);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['organizationId']);
    expect((await api.http().get(lineage)).status).toBe(401);
  });
});
