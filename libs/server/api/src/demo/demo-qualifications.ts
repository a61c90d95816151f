import { INestApplicationContext } from '@nestjs/common';
import { Actor, ActorResolver, RequestContext } from '@cascade/server/core';
import { PlansService } from '@cascade/server/plans';
import { QualificationsService, QualificationTracksService, TeachBacksService } from '@cascade/server/qualifications';
import { AttendanceService, SessionsService } from '@cascade/server/sessions';
import { DataSource } from 'typeorm';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Today at hh:mm Beijing time, shifted by whole days. */
function beijing(daysFromToday: number, hour: number, minute = 0): Date {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour - 8, minute) + daysFromToday * DAY,
  );
}

/** What a vendor trainer checks when a key user trains in front of them. */
export const DEMO_CHECKLIST = [
  '讲清业务流程与系统操作的对应关系',
  '独立完成系统演示，操作无误',
  '准确回答学员提问',
  '控制节奏并安排上机练习',
];

const PURCHASING = '采购 / 请购与下单';
const WAREHOUSE = '仓储 / 收货';
const SALES = '销售 / 订单到收款';

/** The end users 张伟 trains himself: nobody trained them before, so they hang under him in the lineage. */
export const DEMO_CASCADE_END_USERS = ['he.jun@huadong.demo', 'lin.na@huadong.demo', 'gao.feng@huadong.demo'];

export interface DemoTracks {
  trackId: string;
}

type As = <T>(email: string, fn: () => Promise<T>) => Promise<T>;

function actorsOf(app: INestApplicationContext, ids: Record<string, string>): As {
  const actors = app.get(ActorResolver);
  return async (email, fn) => RequestContext.runAs((await actors.resolve(ids[email])) as Actor, fn);
}

/**
 * Before the key users co-deliver: 孙丽's pilot qualification from over a year ago, qualified
 * then and expired since (as the sweep found it), and the purchasing and warehouse track with
 * 张伟 and 刘洋 as its candidates, so they may assist in sessions.
 */
export async function seedDemoTracks(app: INestApplicationContext, ids: Record<string, string>): Promise<DemoTracks> {
  const as = actorsOf(app, ids);
  const tracks = app.get(QualificationTracksService);
  const qualifications = app.get(QualificationsService);
  const teachBacks = app.get(TeachBacksService);
  const dataSource = app.get(DataSource);
  const trainer = 'li.ming@cascade.demo';

  // The pilot: a teach-back was enough, for twelve months.
  const pilotSignedAt = beijing(-425, 16);
  const pilot = await as(trainer, () =>
    tracks.create({
      organizationId: ids.client,
      title: '销售订单内部讲师（试点）',
      description: '上一期销售模块试点时设立：通过一次讲师观察的试讲即可认证，有效期 12 个月。',
      businessProcesses: [SALES],
      criteria: [{ kind: 'teach_back', checklist: DEMO_CHECKLIST }],
      validityMonths: 12,
    }),
  );
  const sun = await as(trainer, () =>
    qualifications.nominate({ trackId: pilot.id, userId: ids['sun.li@huadong.demo'] }),
  );
  const pilotTeachBack = await as(trainer, () =>
    teachBacks.create({
      trackId: pilot.id,
      candidateId: ids['sun.li@huadong.demo'],
      observedAt: new Date(pilotSignedAt.getTime() - 2 * HOUR).toISOString(),
      items: DEMO_CHECKLIST.map((label) => ({ label, result: 'pass' as const })),
      comment: '报价到发货的演示完整，学员提问回答到位。',
      sign: true,
    }),
  );
  await backdate(dataSource, 'qualification_track', pilot.id, new Date(pilotSignedAt.getTime() - 30 * DAY));
  await backdate(dataSource, 'qualification', sun.id, new Date(pilotSignedAt.getTime() - 20 * DAY));
  await dataSource.query(`UPDATE teach_back SET signed_at = $2, created_at = $3, updated_at = $2 WHERE id = $1`, [
    pilotTeachBack.id,
    pilotSignedAt,
    new Date(pilotSignedAt.getTime() - 2 * HOUR),
  ]);
  // Qualified the evening she was signed off; nobody renewed it, so the sweep after expiry found it lapsed.
  await RequestContext.runAsSystem(() =>
    qualifications.evaluateUser(ids['sun.li@huadong.demo'], new Date(pilotSignedAt.getTime() + HOUR)),
  );
  const [{ expires_at: expiresAt }]: { expires_at: Date }[] = await dataSource.query(
    `SELECT expires_at FROM qualification WHERE id = $1`,
    [sun.id],
  );
  await RequestContext.runAsSystem(() => qualifications.sweep(new Date(expiresAt.getTime() + HOUR)));
  await dataSource.query(`UPDATE certificate SET issued_at = achieved_at WHERE source_id = $1`, [sun.id]);

  const track = await as(trainer, () =>
    tracks.create({
      organizationId: ids.client,
      title: '采购与仓储内部讲师',
      description: '关键用户在顾问带领下协同授课、学员评价良好、试讲通过后，可独立主讲采购与仓储课程。',
      businessProcesses: [PURCHASING, WAREHOUSE],
      criteria: [
        { kind: 'co_delivery', sessions: 1 },
        { kind: 'trainer_feedback', minAverage: 4, minResponses: 2 },
        { kind: 'teach_back', checklist: DEMO_CHECKLIST },
      ],
      validityMonths: 12,
      renewal: { sessionsLed: { sessions: 2, minAverage: 4 } },
    }),
  );
  await backdate(dataSource, 'qualification_track', track.id, beijing(-8, 17));
  for (const email of ['zhang.wei@huadong.demo', 'liu.yang@huadong.demo']) {
    const nominated = await as(trainer, () => qualifications.nominate({ trackId: track.id, userId: ids[email] }));
    await backdate(dataSource, 'qualification', nominated.id, beijing(-5, 18));
  }
  return { trackId: track.id };
}

/**
 * After they co-delivered and were rated: 张伟's teach-back passes and he qualifies (his
 * certificate is issued with it); 刘洋's misses one item, so he is still in progress.
 */
export async function seedDemoTeachBacks(
  app: INestApplicationContext,
  ids: Record<string, string>,
  { trackId }: DemoTracks,
  coDeliveredSessionId: string,
): Promise<void> {
  const as = actorsOf(app, ids);
  const teachBacks = app.get(TeachBacksService);
  const qualifications = app.get(QualificationsService);
  const dataSource = app.get(DataSource);
  const observations = [
    {
      email: 'zhang.wei@huadong.demo',
      signedAt: beijing(-2, 11, 30),
      failed: null as string | null,
      comment: '请购到下单讲解清楚，能用本部门的真实单据举例，可以独立主讲。',
    },
    {
      email: 'liu.yang@huadong.demo',
      signedAt: beijing(-2, 16, 30),
      failed: '独立完成系统演示，操作无误',
      comment: '部分收货演示时漏掉了质检步骤，练习后再试讲一次。',
    },
  ];
  for (const o of observations) {
    const teachBack = await as('li.ming@cascade.demo', () =>
      teachBacks.create({
        trackId,
        candidateId: ids[o.email],
        sessionId: coDeliveredSessionId,
        observedAt: new Date(o.signedAt.getTime() - 90 * 60_000).toISOString(),
        items: DEMO_CHECKLIST.map((label) =>
          label === o.failed
            ? { label, result: 'fail' as const, comment: '漏掉质检不合格的处理' }
            : { label, result: 'pass' as const },
        ),
        comment: o.comment,
        sign: true,
      }),
    );
    await dataSource.query(`UPDATE teach_back SET signed_at = $2, created_at = $3, updated_at = $2 WHERE id = $1`, [
      teachBack.id,
      o.signedAt,
      new Date(o.signedAt.getTime() - 60 * 60_000),
    ]);
    await RequestContext.runAsSystem(() => qualifications.evaluateUser(ids[o.email]));
  }
  // The certificate was issued when the qualification was reached.
  await dataSource.query(
    `UPDATE certificate c SET issued_at = c.achieved_at FROM qualification q
      WHERE q.id = c.source_id AND q.track_id = $1`,
    [trackId],
  );
}

/**
 * The cascade's first step: a roll-out plan for the purchasing department, whose first session
 * 张伟 has led himself for colleagues nobody had trained yet.
 */
export async function seedDemoRollOut(
  app: INestApplicationContext,
  ids: Record<string, string>,
): Promise<{ planId: string; session: { id: string; endsAt: string } }> {
  const as = actorsOf(app, ids);
  const plans = app.get(PlansService);
  const sessions = app.get(SessionsService);
  const attendance = app.get(AttendanceService);
  const trainer = 'li.ming@cascade.demo';
  const zhang = 'zhang.wei@huadong.demo';
  const plan = await as(trainer, () =>
    plans.create({
      organizationId: ids.client,
      title: '采购部最终用户推广培训',
      goals: '由本部门内部讲师培训采购部其余同事，上线前人人能独立完成请购与下单。',
      assessmentMethod: '上机实操，由内部讲师确认；学员问卷评价讲师。',
      signInMethod: 'qr',
      defaultLocation: '采购部会议室',
      trainerIds: [ids[zhang], ids[trainer]],
      modules: [
        {
          businessProcess: PURCHASING,
          title: '请购与采购下单（部门内训）',
          outline: '请购单填写 → 比价记录 → 采购订单 → 审批跟踪',
          durationMinutes: 120,
        },
      ],
      targets: DEMO_CASCADE_END_USERS.map((email) => ({ userId: ids[email], kind: 'end_user' as const })),
    }),
  );
  await as(trainer, () => plans.transition(plan.id, 'submit'));
  await as('wang.qiang@huadong.demo', () => plans.transition(plan.id, 'confirm', '同意由张伟在部门内推广'));
  await as(trainer, () => plans.transition(plan.id, 'start'));
  const session = await as(trainer, () =>
    sessions.create({
      planId: plan.id,
      moduleId: plan.modules[0].id,
      startsAt: beijing(-1, 9).toISOString(),
      endsAt: beijing(-1, 11).toISOString(),
      timeZone: 'Asia/Shanghai',
      location: '采购部会议室',
      capacity: 12,
      trainers: [{ userId: ids[zhang], role: 'lead' }],
    }),
  );
  await as(trainer, () => sessions.enroll(session.id, { userIds: DEMO_CASCADE_END_USERS.map((e) => ids[e]) }));
  const marks: [string, 'present' | 'late'][] = [
    ['he.jun@huadong.demo', 'present'],
    ['lin.na@huadong.demo', 'present'],
    ['gao.feng@huadong.demo', 'late'],
  ];
  for (const [email, status] of marks)
    await as(zhang, () => attendance.mark(session.id, { userId: ids[email], status }));
  return { planId: plan.id, session: { id: session.id, endsAt: session.endsAt } };
}

async function backdate(dataSource: DataSource, table: string, id: string, at: Date): Promise<void> {
  await dataSource.query(`UPDATE ${table} SET created_at = $2, updated_at = $2 WHERE id = $1`, [id, at]);
}
