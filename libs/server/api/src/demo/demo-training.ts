import { INestApplicationContext } from '@nestjs/common';
import { Actor, ActorResolver, RequestContext } from '@cascade/server/core';
import { PlansService } from '@cascade/server/plans';
import { AttendanceService, SessionsService } from '@cascade/server/sessions';
import { TrainingIssuesService } from '@cascade/server/training-issues';
import { seedDemoExams } from './demo-exams';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoRollOut, seedDemoTeachBacks, seedDemoTracks } from './demo-qualifications';

const DAY = 86_400_000;

/** Today at hh:mm Beijing time, shifted by whole days. */
function beijing(daysFromToday: number, hour: number, minute = 0): string {
  const now = new Date();
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour - 8, minute);
  return new Date(base + daysFromToday * DAY).toISOString();
}

/**
 * A confirmed plan for the demo client, revised once, with sessions in the past (attended,
 * late, excused, absent), one running today and more to come, problems found on the way, and
 * its pre- and post-test.
 */
export async function seedDemoTraining(app: INestApplicationContext, ids: Record<string, string>): Promise<void> {
  const actors = app.get(ActorResolver);
  const as = async <T>(email: string, fn: () => Promise<T>): Promise<T> =>
    RequestContext.runAs((await actors.resolve(ids[email])) as Actor, fn);
  const plans = app.get(PlansService);
  const sessions = app.get(SessionsService);
  const attendance = app.get(AttendanceService);
  const issues = app.get(TrainingIssuesService);
  const trainer = 'li.ming@cascade.demo';
  const manager = 'wang.qiang@huadong.demo';
  const keyUsers = ['zhang.wei@huadong.demo', 'liu.yang@huadong.demo', 'sun.li@huadong.demo', 'zhou.min@huadong.demo'];
  const endUsers = [
    'wu.gang@huadong.demo',
    'zheng.hua@huadong.demo',
    'huang.lei@huadong.demo',
    'xu.jing@huadong.demo',
    'ma.chao@huadong.demo',
    'zhu.ting@huadong.demo',
    'hu.bin@huadong.demo',
    'guo.xin@huadong.demo',
  ];

  const plan = await as(trainer, () =>
    plans.create({
      organizationId: ids.client,
      title: 'ERP 上线关键用户培训（第一期）',
      goals:
        '四个业务部门的关键用户掌握采购、仓储、销售、财务的核心流程，能够独立操作并培训本部门最终用户；上线前核心流程验证通过。',
      assessmentMethod: '业务场景笔试（前测 + 后测）与上机实操，后测 80 分及格；讲师与课程由学员问卷评价。',
      signInMethod: 'qr',
      defaultLocation: '总部三楼培训室',
      trainerIds: [ids[trainer], ids['zhao.jing@cascade.demo']],
      modules: [
        {
          businessProcess: '采购 / 请购与下单',
          title: '请购、比价与采购下单',
          outline: '请购单 → 询价比价 → 采购订单 → 审批',
          durationMinutes: 120,
          materials: [{ kind: 'link', title: '采购操作手册', url: 'https://docs.example.com/erp/purchasing' }],
        },
        {
          businessProcess: '仓储 / 收货',
          title: '到货、质检与入库',
          outline: '到货登记、部分收货、质检不合格退货、入库上架',
          durationMinutes: 120,
        },
        {
          businessProcess: '销售 / 订单到收款',
          title: '销售订单与发货',
          outline: '报价 → 销售订单 → 发货 → 开票',
          durationMinutes: 90,
        },
        {
          businessProcess: '财务 / 应付',
          title: '三单匹配与应付',
          outline: '订单、收货单、发票三单匹配，付款申请',
          durationMinutes: 90,
        },
      ],
      targets: [
        ...keyUsers.map((email, i) => ({
          userId: ids[email],
          kind: 'key_user' as const,
          businessProcess: ['采购 / 请购与下单', '仓储 / 收货', '销售 / 订单到收款', '财务 / 应付'][i],
        })),
        ...endUsers.map((email) => ({ userId: ids[email], kind: 'end_user' as const })),
      ],
    }),
  );
  await as(trainer, () => plans.transition(plan.id, 'submit'));
  await as(manager, () => plans.transition(plan.id, 'confirm', '同意按此计划执行'));
  const modules = plan.modules;
  // A confirmed plan changes only through a revision the client confirms again.
  await as(trainer, () =>
    plans.update(plan.id, {
      modules: modules.map((m, i) => ({ ...m, durationMinutes: i === 1 ? 150 : m.durationMinutes })),
      reason: '仓库希望增加部分收货与退货的实操时间',
    }),
  );
  await as(manager, () => plans.transition(plan.id, 'confirm', '同意'));
  await as(trainer, () => plans.transition(plan.id, 'start'));

  const keyUserIds = keyUsers.map((e) => ids[e]);
  const schedule = async (
    moduleIndex: number,
    day: number,
    hour: number,
    hours: number,
    room: string,
    people: string[],
    trainers: { userId: string; role: 'lead' | 'assistant' }[] = [{ userId: ids[trainer], role: 'lead' }],
  ) => {
    const session = await as(trainer, () =>
      sessions.create({
        planId: plan.id,
        moduleId: modules[moduleIndex].id,
        startsAt: beijing(day, hour),
        endsAt: beijing(day, hour + hours),
        timeZone: 'Asia/Shanghai',
        location: room,
        capacity: 20,
        trainers,
      }),
    );
    await as(trainer, () => sessions.enroll(session.id, { userIds: people }));
    return session;
  };
  const past1 = await schedule(0, -7, 9, 2, '总部三楼培训室', keyUserIds);
  const past2 = await schedule(1, -5, 14, 3, '仓库二楼会议室', keyUserIds);
  // End users' first sessions, with the second consultant assisting and then leading.
  const past3 = await schedule(
    0,
    -4,
    9,
    2,
    '总部三楼培训室',
    ['wu.gang', 'zheng.hua', 'ma.chao', 'zhu.ting', 'hu.bin', 'guo.xin'].map((n) => ids[`${n}@huadong.demo`]),
    [
      { userId: ids[trainer], role: 'lead' },
      { userId: ids['zhao.jing@cascade.demo'], role: 'assistant' },
    ],
  );
  const past4 = await schedule(
    3,
    -2,
    14,
    2,
    '财务部会议室',
    ['hu.bin', 'guo.xin', 'wu.gang', 'zheng.hua', 'huang.lei', 'xu.jing'].map((n) => ids[`${n}@huadong.demo`]),
    [{ userId: ids['zhao.jing@cascade.demo'], role: 'lead' }],
  );
  // Two key users become candidates for internal trainer and co-deliver a purchasing session.
  const tracks = await seedDemoTracks(app, ids);
  const coDelivered = await schedule(
    0,
    -3,
    9,
    2,
    '总部三楼培训室',
    ['wu.gang', 'zheng.hua', 'zhu.ting', 'guo.xin'].map((n) => ids[`${n}@huadong.demo`]),
    [
      { userId: ids[trainer], role: 'lead' },
      { userId: ids['zhang.wei@huadong.demo'], role: 'assistant' },
      { userId: ids['liu.yang@huadong.demo'], role: 'assistant' },
    ],
  );
  const marks: [string, string, 'present' | 'late' | 'excused' | 'absent', string?][] = [
    [past1.id, 'zhang.wei@huadong.demo', 'present'],
    [past1.id, 'liu.yang@huadong.demo', 'present'],
    [past1.id, 'sun.li@huadong.demo', 'late'],
    [past1.id, 'zhou.min@huadong.demo', 'excused', '月末结账'],
    [past2.id, 'zhang.wei@huadong.demo', 'present'],
    [past2.id, 'liu.yang@huadong.demo', 'present'],
    [past2.id, 'sun.li@huadong.demo', 'absent'],
    [past2.id, 'zhou.min@huadong.demo', 'present'],
    [past3.id, 'wu.gang@huadong.demo', 'present'],
    [past3.id, 'zheng.hua@huadong.demo', 'late'],
    [past3.id, 'ma.chao@huadong.demo', 'present'],
    [past3.id, 'zhu.ting@huadong.demo', 'present'],
    [past3.id, 'hu.bin@huadong.demo', 'absent'],
    [past3.id, 'guo.xin@huadong.demo', 'present'],
    [past4.id, 'hu.bin@huadong.demo', 'present'],
    [past4.id, 'guo.xin@huadong.demo', 'present'],
    [past4.id, 'wu.gang@huadong.demo', 'present'],
    [past4.id, 'zheng.hua@huadong.demo', 'present'],
    [past4.id, 'huang.lei@huadong.demo', 'late'],
    [past4.id, 'xu.jing@huadong.demo', 'excused', '仓库盘点'],
    [coDelivered.id, 'wu.gang@huadong.demo', 'present'],
    [coDelivered.id, 'zheng.hua@huadong.demo', 'present'],
    [coDelivered.id, 'zhu.ting@huadong.demo', 'present'],
    [coDelivered.id, 'guo.xin@huadong.demo', 'present'],
  ];
  // Each session's attendance is marked by its lead trainer.
  const markedBy = (sessionId: string) => (sessionId === past4.id ? 'zhao.jing@cascade.demo' : trainer);
  for (const [sessionId, email, status, note] of marks) {
    await as(markedBy(sessionId), () => attendance.mark(sessionId, { userId: ids[email], status, note }));
  }
  // Today: check-in open, so the demo trainer can show the rotating QR code.
  const now = new Date();
  const today = await as(trainer, () =>
    sessions.create({
      planId: plan.id,
      moduleId: modules[2].id,
      startsAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
      endsAt: new Date(now.getTime() + 100 * 60_000).toISOString(),
      timeZone: 'Asia/Shanghai',
      location: '总部三楼培训室',
      capacity: 20,
      trainers: [{ userId: ids[trainer], role: 'lead' }],
    }),
  );
  await as(trainer, () =>
    sessions.enroll(today.id, { userIds: [...keyUserIds, ids['ma.chao@huadong.demo'], ids['zhu.ting@huadong.demo']] }),
  );
  await schedule(3, 3, 9, 2, '财务部会议室', keyUserIds);
  await schedule(1, 6, 14, 2, '仓库二楼会议室', [ids['huang.lei@huadong.demo'], ids['xu.jing@huadong.demo']]);

  const problem = await as('liu.yang@huadong.demo', () =>
    issues.create({
      sessionId: past2.id,
      category: 'software_defect',
      severity: 'high',
      title: '部分收货后无法再次收货',
      description: '订单 100 件先收 80 件后，剩余 20 件收货时提示“订单已关闭”。',
    }),
  );
  await as(trainer, () => issues.update(problem.id, { assigneeId: ids[trainer] }));
  await as(trainer, () => issues.move(problem.id, 'start'));
  await as(trainer, () =>
    issues.create({
      planId: plan.id,
      category: 'requirement_change',
      severity: 'medium',
      title: '质检不合格品需要单独库位',
      description: '仓库希望不合格品自动转入待退货库位。',
    }),
  );
  const question = await as('zhou.min@huadong.demo', () =>
    issues.create({
      sessionId: past1.id,
      category: 'process_question',
      severity: 'low',
      title: '比价需要几家供应商？',
      description: '公司制度要求三家，系统是否强制？',
    }),
  );
  await as(trainer, () => issues.move(question.id, 'resolve', '系统可配置最少报价数，已按公司制度设置为 3。'));

  await seedDemoExams(app, ids, plan.id);
  const formId = await seedDemoFeedback(app, ids, plan.id, [
    { key: 'past1', id: past1.id, endsAt: past1.endsAt, silent: ['sun.li@huadong.demo'] },
    { key: 'past2', id: past2.id, endsAt: past2.endsAt },
    { key: 'past3', id: past3.id, endsAt: past3.endsAt, silent: ['zheng.hua@huadong.demo'] },
    { key: 'codelivery', id: coDelivered.id, endsAt: coDelivered.endsAt, silent: ['zheng.hua@huadong.demo'] },
    { key: 'past4', id: past4.id, endsAt: past4.endsAt, silent: ['huang.lei@huadong.demo'] },
  ]);
  // Rated as co-trainers, 张伟 and 刘洋 are observed training; 张伟 qualifies and leads his colleagues.
  // (Ratings are chosen so that 张伟's average stays at 4 or above whichever of them have answered yet.)
  await seedDemoTeachBacks(app, ids, tracks, coDelivered.id);
  const rollOut = await seedDemoRollOut(app, ids);
  await seedDemoFeedback(
    app,
    ids,
    rollOut.planId,
    [{ key: 'rollout', id: rollOut.session.id, endsAt: rollOut.session.endsAt }],
    formId,
  );
}
