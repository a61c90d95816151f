import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackItemSummary, FeedbackSummaryView, TrainerFeedbackView } from '@cascade/contracts';
import { assertMay, may, NotFoundError, visibleOrganizationIds } from '@cascade/server/core';
import { UsersRepository } from '@cascade/server/identity';
import { SessionsService } from '@cascade/server/sessions';
import { DataSource } from 'typeorm';
import { ANONYMITY_THRESHOLD, COUNTED_FEEDBACK_RESPONSES } from './feedback-batches';
import { FeedbackForm } from './feedback-form.entity';
import { FeedbackService } from './feedback.service';

interface AnswerRow {
  item_id: string;
  trainer_id: string | null;
  trainer_name: string | null;
  number_value: string | null;
  text_value: string | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (values: number[]) => (values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null);

/** % promoters (9–10) minus % detractors (0–6). */
export function netPromoterScore(values: number[]): number | null {
  if (values.length === 0) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return round2(((promoters - detractors) / values.length) * 100);
}

@Injectable()
export class FeedbackSummaryService {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async forSession(sessionId: string): Promise<FeedbackSummaryView> {
    const session = await this.sessions.findVisible(sessionId);
    // Its trainers, the vendor serving the client and its managers read it; its trainees do not.
    assertMay('read', 'FeedbackSummary', {
      organizationId: session.organizationId,
      sessionId: session.id,
      kind: 'session',
    });
    const formId = await this.feedback.effectiveFormId(session);
    const [{ attendees }]: { attendees: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS attendees FROM attendance WHERE session_id = $1 AND status IN ('present', 'late')`,
      [session.id],
    );
    const form = formId ? await this.dataSource.getRepository(FeedbackForm).findOneBy({ id: formId }) : null;
    const empty = { sessionId: session.id, formId, anonymous: form?.anonymous ?? false, attendees };
    if (!form) return { ...empty, responses: 0, withheld: false, items: [] };
    // Only counted responses, also in the count: a waiting anonymous one changes nothing visible.
    const [{ responses }]: { responses: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS responses FROM ${COUNTED_FEEDBACK_RESPONSES} r WHERE r.session_id = $1 AND r.form_id = $2`,
      [session.id, form.id],
    );
    if (form.anonymous && responses < ANONYMITY_THRESHOLD) return { ...empty, responses, withheld: true, items: [] };
    // Within a day (an anonymous batch) the random answer id orders comments, not who wrote first.
    const rows: AnswerRow[] = await this.dataSource.query(
      `SELECT a.item_id, a.trainer_id, u.name AS trainer_name, a.number_value, a.text_value
         FROM feedback_answer a JOIN ${COUNTED_FEEDBACK_RESPONSES} r ON r.id = a.response_id
         LEFT JOIN app_user u ON u.id = a.trainer_id
        WHERE r.session_id = $1 AND r.form_id = $2
        ORDER BY r.counted_on DESC, a.id`,
      [session.id, form.id],
    );
    const items: FeedbackItemSummary[] = [];
    for (const item of form.items) {
      const own = rows.filter((r) => r.item_id === item.id);
      const groups =
        item.about === 'trainer'
          ? [...new Map(own.map((r) => [r.trainer_id!, r.trainer_name])).entries()]
          : [[null, null] as [string | null, string | null]];
      for (const [trainerId, trainerName] of groups) {
        const answers = own.filter((r) => r.trainer_id === trainerId);
        const numbers = answers.flatMap((r) => (r.number_value === null ? [] : [Number(r.number_value)]));
        const scale =
          item.type === 'likert_5'
            ? ['1', '2', '3', '4', '5']
            : item.type === 'nps_0_10'
              ? Array.from({ length: 11 }, (_, i) => String(i))
              : item.type === 'single_choice'
                ? (item.options ?? [])
                : [];
        const valueOf = (r: AnswerRow) => (r.number_value !== null ? String(Number(r.number_value)) : r.text_value);
        items.push({
          itemId: item.id,
          type: item.type,
          about: item.about,
          text: item.text,
          trainerId,
          trainerName,
          responses: answers.length,
          mean: item.type === 'likert_5' || item.type === 'nps_0_10' ? mean(numbers) : null,
          distribution: scale.map((value) => ({ value, count: answers.filter((r) => valueOf(r) === value).length })),
          nps: item.type === 'nps_0_10' ? netPromoterScore(numbers) : null,
          comments: item.type === 'free_text' ? answers.map((r) => r.text_value!) : [],
        });
      }
    }
    return { ...empty, responses, withheld: false, items };
  }

  /**
   * A trainer's ratings from the sessions the reader may see, counted responses only: an
   * anonymous form's arrive in whole batches, dated by the day their batch closed.
   */
  async forTrainer(trainerId: string): Promise<TrainerFeedbackView> {
    const trainer = await this.users.findVisible(trainerId);
    // Each session's ratings go to whoever may read its feedback about this trainer: all of
    // them to the vendor and the client's managers, to a fellow trainer those of the sessions
    // they train together. Someone who could read none of it learns nothing, not even that.
    const about = (organizationId: string, sessionId?: string) =>
      may('read', 'FeedbackSummary', { organizationId, sessionId, trainerId: trainer.id, kind: 'trainer' });
    const organizations = visibleOrganizationIds() ?? [trainer.organizationId];
    const everySession = organizations.some((organizationId) => about(organizationId));
    const all: {
      response_id: string;
      organization_id: string;
      session_id: string;
      module_id: string;
      module_title: string;
      business_process: string;
      item_type: string;
      number_value: string | null;
      text_value: string | null;
      counted_on: string;
    }[] = await this.dataSource.query(
      `SELECT a.response_id, r.organization_id, r.session_id, s.module_id, m.title AS module_title, m.business_process, a.item_type,
              a.number_value, a.text_value, to_char(r.counted_on, 'YYYY-MM-DD') AS counted_on
         FROM feedback_answer a
         JOIN ${COUNTED_FEEDBACK_RESPONSES} r ON r.id = a.response_id
         JOIN training_session s ON s.id = r.session_id
         JOIN plan_module m ON m.id = s.module_id
        WHERE a.trainer_id = $1 AND a.about = 'trainer'
          AND ($2::uuid[] IS NULL OR r.organization_id = ANY($2::uuid[]))
        ORDER BY r.counted_on, a.id`,
      [trainer.id, visibleOrganizationIds()],
    );
    const rows = everySession ? all : all.filter((r) => about(r.organization_id, r.session_id));
    if (!everySession && rows.length === 0) throw new NotFoundError('User');
    const likert = rows.filter((r) => r.item_type === 'likert_5');
    const months = [...new Set(likert.map((r) => r.counted_on.slice(0, 7)))];
    const modules = [...new Map(likert.map((r) => [r.module_id, r])).values()];
    const numbers = (list: typeof rows) => list.map((r) => Number(r.number_value));
    return {
      trainerId: trainer.id,
      trainerName: trainer.name,
      overallMean: mean(numbers(likert)),
      responses: new Set(rows.map((r) => r.response_id)).size,
      overTime: months.map((month) => {
        const list = likert.filter((r) => r.counted_on.startsWith(month));
        return { month, mean: mean(numbers(list)), responses: list.length };
      }),
      perModule: modules
        .map((m) => {
          const list = likert.filter((r) => r.module_id === m.module_id);
          return {
            moduleId: m.module_id,
            moduleTitle: m.module_title,
            businessProcess: m.business_process,
            mean: mean(numbers(list)),
            responses: list.length,
          };
        })
        .sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0)),
      nps: netPromoterScore(numbers(rows.filter((r) => r.item_type === 'nps_0_10'))),
      comments: rows
        .filter((r) => r.item_type === 'free_text' && r.text_value)
        .reverse()
        .slice(0, 50)
        .map((r) => ({ sessionId: r.session_id, text: r.text_value!, at: r.counted_on })),
    };
  }
}
