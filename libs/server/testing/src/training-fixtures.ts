import { TrainingPlanView, TrainingSessionView } from '@cascade/contracts';
import { eventually, TestApi } from './test-api';
import { World } from './world';

export const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** A plan for client A with two modules, created by client A's vendor trainer. */
export async function createPlan(
  api: TestApi,
  world: World,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<TrainingPlanView> {
  const response = await api
    .http()
    .post('/api/training-plans')
    .set('authorization', token)
    .send({
      organizationId: world.clientA.id,
      title: '采购与仓储关键用户培训',
      goals: '关键用户能独立完成采购下单与收货，并能培训本部门同事。',
      assessmentMethod: '业务场景笔试 + 上机操作',
      signInMethod: 'qr',
      defaultLocation: '一号会议室',
      trainerIds: [world.trainerA.id],
      modules: [
        { businessProcess: '采购 / 下单', title: '采购下单', outline: '请购、比价、下单', durationMinutes: 90 },
        { businessProcess: '仓储 / 收货', title: '收货与质检', outline: '到货、质检、入库', durationMinutes: 120 },
      ],
      targets: [{ userId: world.traineeA.id, kind: 'key_user', businessProcess: '采购 / 下单' }],
      ...overrides,
    });
  if (response.status !== 201) throw new Error(`plan: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createSession(
  api: TestApi,
  token: string,
  plan: TrainingPlanView,
  overrides: Record<string, unknown> = {},
): Promise<TrainingSessionView> {
  const response = await api
    .http()
    .post('/api/sessions')
    .set('authorization', token)
    .send({
      planId: plan.id,
      moduleId: plan.modules[0].id,
      startsAt: minutesFromNow(5),
      endsAt: minutesFromNow(95),
      timeZone: 'Asia/Shanghai',
      capacity: 30,
      trainers: [{ userId: plan.trainerIds[0], role: 'lead' }],
      ...overrides,
    });
  if (response.status !== 201) throw new Error(`session: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A qualification track of the organization, written straight to the table (no API round trip). */
export async function createTrack(
  api: TestApi,
  organizationId: string,
  title: string,
  businessProcesses: string[],
  criteria: unknown[] = [],
): Promise<string> {
  const [row]: { id: string }[] = await api.dataSource.query(
    `INSERT INTO qualification_track (organization_id, title, business_processes, criteria, validity_months)
     VALUES ($1, $2, $3, $4::jsonb, 12) RETURNING id`,
    [organizationId, title, businessProcesses, JSON.stringify(criteria)],
  );
  return row.id;
}

/**
 * A qualification on the track as if its criteria had been met a month ago (or a candidacy),
 * ending at `expiresAt`. Qualify people before they log in: their token then acts as an
 * internal trainer from its first request.
 */
export async function qualify(
  api: TestApi,
  trackId: string,
  userId: string,
  { status = 'qualified', expiresAt = '2099-01-01T00:00:00Z' }: { status?: string; expiresAt?: string | null } = {},
): Promise<string> {
  const [row]: { id: string }[] = await api.dataSource.query(
    `INSERT INTO qualification (track_id, user_id, organization_id, status, qualified_at, expires_at)
     SELECT $1, $2, t.organization_id, $3, CASE WHEN $3 = 'qualified' THEN now() - interval '30 days' END, $4
       FROM qualification_track t WHERE t.id = $1 RETURNING id`,
    [trackId, userId, status, expiresAt],
  );
  return row.id;
}

/** An exam of the organization, open now for two hours, passing at 60%; `fields` add or override. */
export async function createExam(
  api: TestApi,
  token: string,
  organizationId: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const response = await api
    .http()
    .post('/api/exams')
    .set('authorization', token)
    .send({
      organizationId,
      title: '结业考试',
      kind: 'post_test',
      timeLimitMinutes: 20,
      opensAt: minutesFromNow(-5),
      closesAt: minutesFromNow(120),
      passPercent: 60,
      ...fields,
    });
  if (response.status !== 201) throw new Error(`exam: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/**
 * Starts an attempt, saves the answers (by question id), hands it in and waits until the
 * queue has taken it to `until`: finalized, or awaiting a trainer's grades.
 */
export async function sitExam(
  api: TestApi,
  token: string,
  examId: string,
  answers: Record<string, unknown>,
  until: 'finalized' | 'needs_review' = 'finalized',
): Promise<string> {
  const started = await api.http().post(`/api/exams/${examId}/attempts`).set('authorization', token);
  if (started.status !== 201) throw new Error(`attempt: ${started.status} ${JSON.stringify(started.body)}`);
  const attemptId: string = started.body.id;
  for (const [questionId, response] of Object.entries(answers)) {
    const saved = await api
      .http()
      .put(`/api/attempts/${attemptId}/answers/${questionId}`)
      .set('authorization', token)
      .send({ response, seq: 1 });
    if (saved.status !== 200) throw new Error(`answer: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
  await api.http().post(`/api/attempts/${attemptId}/submit`).set('authorization', token);
  await eventually(
    async () => {
      const [row] = await api.dataSource.query(`SELECT status FROM attempt WHERE id = $1`, [attemptId]);
      return row.status === until || undefined;
    },
    20_000,
    `the attempt to be ${until}`,
  );
  return attemptId;
}
