import { TrainingPlanView, TrainingSessionView } from '@cascade/contracts';
import { TestApi } from './test-api';
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
