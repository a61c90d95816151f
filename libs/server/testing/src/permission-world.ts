import { randomUUID } from 'node:crypto';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import { eventually, TestApi } from './test-api';
import { createPlan, createSession, minutesFromNow } from './training-fixtures';
import { addClientUsers, createWorld, World, WorldUser } from './world';

/** The ten actors of the permission table (libs/contracts/src/permission-table.ts), by key. */
export const PERMISSION_ACTORS = [
  'admin',
  'vendorServing',
  'vendorOther',
  'internalAssigned',
  'internalFree',
  'internalExpired',
  'managerOfDept',
  'managerOther',
  'trainee',
  'otherClientTrainee',
] as const;
export type PermissionActor = (typeof PERMISSION_ACTORS)[number];

export interface PermissionWorld {
  world: World;
  /** Each actor as a real user, with a token. */
  users: Record<PermissionActor, WorldUser>;
  tokens: Record<PermissionActor, string>;
  /** A vendor trainer serving client A who is none of the actors: uploads, extra leads. */
  helper: WorldUser & { token: string };
  /** A second purchasing trainee, assigned the exam, whose attempt waits for a trainer. */
  peer: WorldUser & { token: string };
  /** A trainee of client A's finance department, assigned the exam, with an attempt in progress. */
  financeTrainee: WorldUser;
  /** One person per actor, of the purchasing department, for what an actor does to someone fresh. */
  nominees: Record<PermissionActor, WorldUser>;
  /** A qualification of each nominee, qualified, on the warehouse track (to be revoked). */
  revocable: Record<PermissionActor, string>;
  purchasingId: string;
  financeId: string;
  businessProcess: string;
  planId: string;
  /** The plan's module of `businessProcess`. */
  moduleId: string;
  sessionId: string;
  /** The session's post-test: a blueprint drawing every question of the process at difficulty 3. */
  examId: string;
  /** Open, assigned to nobody. */
  unassignedExamId: string;
  /** The single-choice question the exam draws (besides two essays). */
  questionId: string;
  essayIds: [string, string];
  /** An active true/false question of client A that the exam does not draw. */
  looseQuestionId: string;
  traineeAttemptId: string;
  peerAttemptId: string;
  scenarioId: string;
  feedbackFormId: string;
  /** The nomination track: a teach-back makes a purchasing co-trainer. */
  trackId: string;
  /** internalFree's qualification, valid. */
  qualificationId: string;
  teachBackId: string;
  fileId: string;
  webhookId: string;
  issueId: string;
  auditEntryId: string;
}

const DEFAULT_PROCESS = '采购 / 订单';

/**
 * The world the permission table speaks of, built with real users and records, mostly through
 * the API: client A with a purchasing department (headed by managerOfDept) and a finance
 * department (headed by managerOther); a session of `businessProcess` led by two internal
 * trainers, one of whom is assigned its post-test with the enrolled trainee; a trainer whose
 * qualification expired; vendor trainers serving A or only B; a trainee of client B.
 * Qualifications are inserted directly: earning one through the API takes a whole track.
 * The webhook points at loopback, so start the api with WEBHOOKS_ALLOW_PRIVATE=true.
 */
export async function createPermissionWorld(api: TestApi, businessProcess = DEFAULT_PROCESS): Promise<PermissionWorld> {
  const world = await createWorld(api);
  const call = (token: string) => ({
    get: (path: string) => api.http().get(path).set('authorization', token),
    post: (path: string, body: object = {}) => api.http().post(path).set('authorization', token).send(body),
    patch: (path: string, body: object) => api.http().patch(path).set('authorization', token).send(body),
    put: (path: string, body: object) => api.http().put(path).set('authorization', token).send(body),
  });
  const created = async (what: string, pending: PromiseLike<{ status: number; body: { id?: string } }>) => {
    const response = await pending;
    if (response.status !== 201) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };

  const [adminToken, servingToken] = await Promise.all([api.login(world.admin.email), api.login(world.trainerA.email)]);
  const admin = call(adminToken);
  const serving = call(servingToken);
  const clientA = world.clientA.id;

  const financeId = await created(
    'finance',
    admin.post('/api/departments', { organizationId: clientA, name: '财务部' }),
  );
  const [internalAssigned, internalFree, internalExpired, financeTrainee, ...nomineeList] = await addClientUsers(
    api,
    world,
    [
      { name: '张伟', isKeyUser: true },
      { name: '刘洋', isKeyUser: true },
      { name: '孙丽', isKeyUser: true },
      { name: '财务学员', departmentId: financeId },
      ...PERMISSION_ACTORS.map((key) => ({ name: `候选人 ${key}` })),
    ],
  );
  const [managerOther] = await addClientUsers(api, world, [
    { name: '陈静', roles: ['manager'], departmentId: financeId },
  ]);
  const named = await admin.patch(`/api/departments/${financeId}`, { managerId: managerOther.id });
  if (named.status !== 200) throw new Error(`finance manager: ${named.status}`);
  const helperEmail = `helper.${randomUUID().slice(0, 8)}@example.test`;
  const helperId = await created(
    'helper',
    admin.post('/api/users', {
      organizationId: world.vendor.id,
      email: helperEmail,
      name: '助理讲师',
      roles: ['trainer'],
      assignedOrganizationIds: [clientA],
      password: 'helper-password-1',
    }),
  );

  const track = async (title: string, processes: string[]) =>
    (
      await api.dataSource.query(
        `INSERT INTO qualification_track (organization_id, title, business_processes, criteria, validity_months)
         VALUES ($1, $2, $3, '[]'::jsonb, 12) RETURNING id`,
        [clientA, title, processes],
      )
    )[0].id as string;
  const qualify = async (trackId: string, userId: string, status: 'qualified' | 'expired', expiresAt: string) =>
    (
      await api.dataSource.query(
        `INSERT INTO qualification (track_id, user_id, organization_id, status, qualified_at, expires_at)
         VALUES ($1, $2, $3, $4, now() - interval '400 days', $5) RETURNING id`,
        [trackId, userId, clientA, status, expiresAt],
      )
    )[0].id as string;
  const leadTrack = await track('采购订单内训师', [businessProcess]);
  const warehouseTrack = await track('仓储内训师', ['仓储 / 收货']);
  await qualify(leadTrack, internalAssigned.id, 'qualified', '2099-01-01T00:00:00Z');
  const qualificationId = await qualify(leadTrack, internalFree.id, 'qualified', '2099-01-01T00:00:00Z');
  await qualify(leadTrack, internalExpired.id, 'expired', minutesFromNow(-60 * 24));
  const revocable = {} as Record<PermissionActor, string>;
  const nominees = {} as Record<PermissionActor, WorldUser>;
  for (const [i, key] of PERMISSION_ACTORS.entries()) {
    nominees[key] = nomineeList[i];
    revocable[key] = await qualify(warehouseTrack, nomineeList[i].id, 'qualified', '2099-01-01T00:00:00Z');
  }

  const plan = await createPlan(api, world, servingToken, {
    title: '采购订单推广',
    modules: [{ businessProcess, title: '采购订单', outline: '请购、比价、下单', durationMinutes: 90 }],
    targets: [{ userId: world.traineeA.id, kind: 'key_user', businessProcess }],
  });
  const session = await createSession(api, servingToken, plan, {
    startsAt: minutesFromNow(-5),
    endsAt: minutesFromNow(85),
    trainers: [
      { userId: internalAssigned.id, role: 'lead' },
      { userId: internalFree.id, role: 'lead' },
    ],
  });
  const enrolled = await serving.post(`/api/sessions/${session.id}/enrollments`, { userIds: [world.traineeA.id] });
  if (enrolled.status !== 200) throw new Error(`enroll: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);

  const question = (body: object) =>
    created('question', serving.post('/api/questions', { organizationId: clientA, status: 'active', ...body }));
  const inCell = { businessProcess, difficulty: 3 };
  const questionId = await question({ ...QUESTION_EXAMPLES.single_choice, ...inCell });
  const essayIds: [string, string] = [
    await question({ ...QUESTION_EXAMPLES.essay, ...inCell }),
    await question({ ...QUESTION_EXAMPLES.essay, ...inCell, stem: '说明采购订单变更时在系统中的处理步骤。' }),
  ];
  const looseQuestionId = await question(QUESTION_EXAMPLES.true_false);
  const scenarioId = await created(
    'scenario',
    serving.post('/api/scenarios', { organizationId: clientA, title: '月末采购', narrative: '月末集中下单的业务场景' }),
  );
  const window = { opensAt: minutesFromNow(-5), closesAt: minutesFromNow(240), timeLimitMinutes: 60, passPercent: 60 };
  const examId = await created(
    'exam',
    serving.post('/api/exams', {
      organizationId: clientA,
      sessionId: session.id,
      title: '采购订单结业考试',
      kind: 'post_test',
      blueprint: [{ ...inCell, count: 3 }],
      attemptsAllowed: 2,
      ...window,
      assignees: { userIds: [world.traineeA.id, internalAssigned.id, world.traineeA2.id, financeTrainee.id] },
    }),
  );
  const unassignedExamId = await created(
    'unassigned exam',
    serving.post('/api/exams', {
      organizationId: clientA,
      title: '收货练习',
      kind: 'practice',
      questionIds: [looseQuestionId],
      ...window,
    }),
  );

  const [traineeToken, peerToken, financeToken, managerToken, helperToken] = await Promise.all([
    api.login(world.traineeA.email),
    api.login(world.traineeA2.email),
    api.login(financeTrainee.email),
    api.login(world.managerA.email),
    api.login(helperEmail, 'helper-password-1'),
  ]);
  const traineeAttemptId = await created('attempt', call(traineeToken).post(`/api/exams/${examId}/attempts`));
  await created('finance attempt', call(financeToken).post(`/api/exams/${examId}/attempts`));
  const peer = call(peerToken);
  const peerAttemptId = await created('peer attempt', peer.post(`/api/exams/${examId}/attempts`));
  for (const [seq, essayId] of essayIds.entries())
    await peer.put(`/api/attempts/${peerAttemptId}/answers/${essayId}`, {
      response: '先核对订单，再与供应商确认。',
      seq,
    });
  const submitted = await peer.post(`/api/attempts/${peerAttemptId}/submit`);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  await eventually(
    async () => {
      const [row] = await api.dataSource.query('SELECT status FROM attempt WHERE id = $1', [peerAttemptId]);
      return row.status === 'needs_review' || undefined;
    },
    15_000,
    'the essays to await a trainer',
  );

  const feedbackFormId = await created(
    'feedback form',
    serving.post('/api/feedback-forms', {
      organizationId: clientA,
      title: '培训反馈',
      items: [{ id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲解清楚' }],
    }),
  );
  const trackId = await created(
    'track',
    serving.post('/api/qualification-tracks', {
      organizationId: clientA,
      title: '采购助教',
      businessProcesses: [businessProcess],
      validityMonths: 12,
      criteria: [{ kind: 'teach_back' }],
    }),
  );
  await created('nomination', serving.post('/api/qualifications', { trackId, userId: financeTrainee.id }));
  const teachBackId = await created(
    'teach-back',
    serving.post('/api/teach-backs', {
      trackId,
      candidateId: financeTrainee.id,
      items: [{ label: '试讲', result: 'pass' }],
    }),
  );
  const uploaded = await api
    .http()
    .post('/api/files')
    .set('authorization', helperToken)
    .field('organizationId', clientA)
    .attach('file', Buffer.from('采购订单操作手册'), 'manual.txt');
  if (uploaded.status !== 201) throw new Error(`file: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const webhookId = await created(
    'webhook',
    call(managerToken).post('/api/webhooks', {
      url: 'http://127.0.0.1:9/cascade-events',
      events: ['webhook.disabled'],
      enabled: false,
    }),
  );
  const issueId = await created(
    'issue',
    call(traineeToken).post('/api/training-issues', {
      sessionId: session.id,
      category: 'data',
      severity: 'medium',
      title: '物料编码不一致',
      description: '系统中的物料编码与仓库标签不一致',
    }),
  );
  const [{ id: auditEntryId }] = await api.dataSource.query(
    'SELECT id FROM audit_entry WHERE organization_id = $1 ORDER BY created_at LIMIT 1',
    [clientA],
  );

  const users: Record<PermissionActor, WorldUser> = {
    admin: world.admin,
    vendorServing: world.trainerA,
    vendorOther: world.trainerB,
    internalAssigned,
    internalFree,
    internalExpired,
    managerOfDept: world.managerA,
    managerOther,
    trainee: world.traineeA,
    otherClientTrainee: world.traineeB,
  };
  const tokens = Object.fromEntries(
    await Promise.all(PERMISSION_ACTORS.map(async (key) => [key, await api.login(users[key].email)] as const)),
  ) as Record<PermissionActor, string>;
  return {
    world,
    users,
    tokens,
    helper: { id: helperId, email: helperEmail, organizationId: world.vendor.id, token: helperToken },
    peer: { ...world.traineeA2, token: peerToken },
    financeTrainee,
    nominees,
    revocable,
    purchasingId: world.departmentA.id,
    financeId,
    businessProcess,
    planId: plan.id,
    moduleId: plan.modules[0].id,
    sessionId: session.id,
    examId,
    unassignedExamId,
    questionId,
    essayIds,
    looseQuestionId,
    traineeAttemptId,
    peerAttemptId,
    scenarioId,
    feedbackFormId,
    trackId,
    qualificationId,
    teachBackId,
    fileId: uploaded.body.id,
    webhookId,
    issueId,
    auditEntryId,
  };
}
