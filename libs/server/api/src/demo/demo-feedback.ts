import { INestApplicationContext } from '@nestjs/common';
import { Attitude, FeedbackItem } from '@cascade/contracts';
import { Actor, ActorResolver, RequestContext } from '@cascade/server/core';
import {
  checkAnswers,
  FeedbackAnswer,
  FeedbackFormsService,
  FeedbackRequest,
  FeedbackResponse,
  FeedbackRound,
  FeedbackService,
} from '@cascade/server/feedback';
import { NotificationsService } from '@cascade/server/notifications';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLIENT_USERS } from './demo-data';

const HOUR = 3_600_000;

/** The vendor's standard questionnaire, asked after every session of the demo plan. */
const FORM = {
  title: '培训课后评价表（标准版）',
  description: '每场培训结束后请学员填写，约 2 分钟。结果用于改进讲师授课和后续课程安排。',
  items: [
    { id: 'clarity', type: 'likert_5', about: 'trainer', text: '讲师对业务流程和系统操作讲解清楚' },
    { id: 'examples', type: 'likert_5', about: 'trainer', text: '讲师能结合我们公司的实际业务举例' },
    { id: 'answers', type: 'likert_5', about: 'trainer', text: '讲师耐心解答学员的问题' },
    { id: 'recommend', type: 'nps_0_10', about: 'session', text: '您有多大可能向同事推荐本场培训？' },
    { id: 'pace', type: 'single_choice', about: 'session', text: '本场培训的节奏', options: ['太慢', '合适', '太快'] },
    { id: 'comment', type: 'free_text', about: 'content', text: '您对本场培训还有什么意见或建议？', required: false },
  ] as const,
};

/** How an attendee leans: supportive people rate higher, resistant ones lower. */
const LEAN: Record<Attitude, number> = { supportive: 0.6, wait_and_see: 0, resistant: -0.9 };

/** A few things attendees wrote, by session; the rest left the comment empty. */
const COMMENTS: Record<string, string> = {
  'past1|liu.yang@huadong.demo': '比价环节讲得很细，希望多给一些上机练习的时间。',
  'past2|zhang.wei@huadong.demo': '部分收货和退货的演示很实用，建议把质检不合格的处理单独再讲一次。',
  'past2|zhou.min@huadong.demo': '时间有点紧，三个小时内容太多，后半段跟不上。',
  'past3|ma.chao@huadong.demo': '系统步骤比现在的手工单据多，担心月底忙的时候来不及录入。',
  'past3|zhu.ting@huadong.demo': '讲师举的例子就是我们上个月的采购单，很容易理解。',
  'past4|guo.xin@huadong.demo': '三单匹配讲得清楚，希望会后能拿到操作手册的电子版。',
  'codelivery|zhu.ting@huadong.demo': '张伟用我们部门上周的请购单做演示，很好懂。',
  'rollout|lin.na@huadong.demo': '同部门的同事来讲，遇到问题随时可以问，很方便。',
};

export interface PastSession {
  /** A stable name for this session within the demo, so its answers come out the same every time. */
  key: string;
  id: string;
  endsAt: string;
  /** Attendees who have not answered yet (in the demo, they still can). */
  silent?: string[];
}

/**
 * The vendor's questionnaire as the plan's default form, and for every past session of the
 * plan: the round of requests to its attendees, as the sweep would have sent them when it
 * ended, and answers from all but one or two of them, given some hours later.
 */
export async function seedDemoFeedback(
  app: INestApplicationContext,
  ids: Record<string, string>,
  planId: string,
  pastSessions: PastSession[],
  /** The questionnaire a first call created, for another plan's sessions. */
  formId?: string,
): Promise<string> {
  const actors = app.get(ActorResolver);
  const as = async <T>(email: string, fn: () => Promise<T>): Promise<T> =>
    RequestContext.runAs((await actors.resolve(ids[email])) as Actor, fn);
  const dataSource = app.get(DataSource);
  const [{ id: vendorId }]: { id: string }[] = await dataSource.query(
    `SELECT id FROM organization WHERE kind = 'vendor' ORDER BY created_at LIMIT 1`,
  );
  const forms = app.get(FeedbackFormsService);
  const form = formId
    ? await as('admin@cascade.demo', () => forms.get(formId))
    : await as('admin@cascade.demo', () =>
        forms.create({
          organizationId: vendorId,
          title: FORM.title,
          description: FORM.description,
          anonymous: false,
          items: FORM.items.map((item) => ({ ...item, options: 'options' in item ? [...item.options] : undefined })),
        }),
      );
  await as('li.ming@cascade.demo', () => app.get(FeedbackService).choose('plan', planId, form.id));

  const emailOf = new Map(Object.entries(ids).map(([email, id]) => [id, email]));
  const attitudeOf = new Map(CLIENT_USERS.map((u) => [u.email, u.attitude ?? 'wait_and_see']));
  const unanswered: { requestId: string; userId: string; sessionId: string }[] = [];
  await RequestContext.runAsSystem(() =>
    dataSource.transaction(async (manager) => {
      for (const session of pastSessions) {
        const endedAt = new Date(session.endsAt);
        const attendees: { user_id: string }[] = await manager.query(
          `SELECT user_id FROM attendance WHERE session_id = $1 AND status IN ('present', 'late') ORDER BY user_id`,
          [session.id],
        );
        const trainerIds: string[] = (
          await manager.query(`SELECT user_id FROM session_trainer WHERE session_id = $1 ORDER BY user_id`, [
            session.id,
          ])
        ).map((r: { user_id: string }) => r.user_id);
        // Marks the session as asked, so the sweep does not ask its attendees a second time.
        await manager.insert(FeedbackRound, {
          sessionId: session.id,
          formId: form.id,
          requestedAt: endedAt,
          requested: attendees.length,
        });
        for (const { user_id: userId } of attendees) {
          const email = emailOf.get(userId)!;
          const seed = `${session.key}|${email}`;
          const respondedAt = new Date(endedAt.getTime() + (1 + (hash(seed) % 30)) * HOUR);
          const stillOpen = (session.silent ?? []).includes(email) || respondedAt.getTime() > Date.now();
          const requestId = randomUUID();
          // Reminders went out after 24 and 72 hours, until the request was answered.
          const until = stillOpen ? Date.now() : respondedAt.getTime();
          const remindersSent = [24, 72].filter((h) => endedAt.getTime() + h * HOUR <= until).length;
          await manager.insert(FeedbackRequest, {
            id: requestId,
            sessionId: session.id,
            userId,
            organizationId: ids.client,
            formId: form.id,
            requestedAt: endedAt,
            respondedAt: stillOpen ? null : respondedAt,
            remindersSent,
          });
          if (stillOpen) {
            unanswered.push({ requestId, userId, sessionId: session.id });
            continue;
          }
          const answers = answersOf(
            form.items,
            trainerIds,
            emailOf,
            seed,
            LEAN[attitudeOf.get(email) ?? 'wait_and_see'],
          );
          const checked = checkAnswers(form.items, trainerIds, [
            ...answers,
            ...(COMMENTS[seed] ? [{ itemId: 'comment', value: COMMENTS[seed] }] : []),
          ]);
          if (!checked.ok) throw new Error(`demo feedback ${seed}: ${JSON.stringify(checked.errors)}`);
          const responseId = randomUUID();
          await manager.insert(FeedbackResponse, {
            id: responseId,
            sessionId: session.id,
            formId: form.id,
            organizationId: ids.client,
            userId,
            submittedOn: respondedAt.toISOString().slice(0, 10),
          });
          await manager.insert(
            FeedbackAnswer,
            checked.answers.map((a) => ({
              responseId,
              itemId: a.itemId,
              itemType: a.item.type,
              about: a.item.about,
              trainerId: a.trainerId,
              numberValue: a.numberValue,
              textValue: a.textValue,
            })),
          );
        }
      }
    }),
  );
  // Whoever has not answered finds the request in their inbox, as the sweep would have left it.
  const notifications = app.get(NotificationsService);
  const titles = new Map<string, string>(
    (
      await dataSource.query(`SELECT id, title FROM training_session WHERE id = ANY($1::uuid[])`, [
        unanswered.map((u) => u.sessionId),
      ])
    ).map((r: { id: string; title: string }) => [r.id, r.title]),
  );
  for (const { requestId, userId, sessionId } of unanswered) {
    const [person]: { organization_id: string; locale: 'zh-CN' | 'en' }[] = await dataSource.query(
      `SELECT organization_id, locale FROM app_user WHERE id = $1`,
      [userId],
    );
    const session = pastSessions.find((s) => s.id === sessionId)!;
    const when = new Intl.DateTimeFormat(person.locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
      new Date(session.endsAt),
    );
    await notifications.deliverToInbox(
      { id: userId, organizationId: person.organization_id, locale: person.locale },
      'feedback_requested',
      { title: titles.get(sessionId) ?? '', when, reminder: '' },
      `demo-feedback:${requestId}:${userId}`,
      `/feedback/${requestId}`,
    );
  }
  return form.id;
}

/**
 * Plausible ratings for one attendee: each item near the attendee's overall impression
 * (their lean plus a per-session mood), a trainer's own small edge, and a little noise.
 */
function answersOf(
  items: readonly FeedbackItem[],
  trainerIds: string[],
  emailOf: Map<string, string>,
  seed: string,
  lean: number,
): { itemId: string; trainerId?: string; value: number | string }[] {
  const noise = (label: string, spread: number) => ((hash(`${seed}|${label}`) % 1000) / 1000 - 0.5) * spread;
  const mood = 3.9 + lean + noise('mood', 1.2);
  const answers: { itemId: string; trainerId?: string; value: number | string }[] = [];
  for (const item of items) {
    if (item.type === 'likert_5') {
      for (const trainerId of trainerIds) {
        const trainer = emailOf.get(trainerId);
        // The same for every attendee: one trainer comes across a little better than another.
        const edge = ((hash(`edge|${trainer}`) % 1000) / 1000 - 0.5) * 0.6;
        const value = clamp(Math.round(mood + edge + noise(`${item.id}|${trainer}`, 1.4)), 1, 5);
        answers.push({ itemId: item.id, trainerId, value });
      }
    } else if (item.type === 'nps_0_10') {
      answers.push({ itemId: item.id, value: clamp(Math.round(1.8 * mood + 1 + noise(item.id, 3)), 0, 10) });
    } else if (item.type === 'single_choice') {
      // Most find the pace right; the less convinced, more often too fast.
      const draw = hash(`${seed}|${item.id}`) % 100;
      const fast = lean < 0 ? 40 : 18;
      answers.push({ itemId: item.id, value: draw < fast ? '太快' : draw < 94 ? '合适' : '太慢' });
    }
  }
  return answers;
}

/** A stable number from text, so the demo comes out the same on every machine. */
function hash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
