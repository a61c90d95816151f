import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackFormView, FeedbackRequestView } from '@cascade/contracts';
import {
  ConflictError,
  currentActor,
  NotFoundError,
  UnprocessableError,
  ValidationFailedError,
} from '@cascade/server/core';
import { NotificationsService } from '@cascade/server/notifications';
import { PlansService } from '@cascade/server/plans';
import { JobHandlers, Outbox, PeriodicTasks } from '@cascade/server/queue';
import { SessionsService, TrainingSession } from '@cascade/server/sessions';
import { DataSource, EntityManager, In } from 'typeorm';
import { checkAnswers } from './feedback-answers';
import { closeBatchIfFull } from './feedback-batches';
import { FeedbackFormChoice } from './feedback-form-choice.entity';
import { FeedbackForm } from './feedback-form.entity';
import { FeedbackFormsService, toFormView } from './feedback-forms.service';
import { FeedbackRequest } from './feedback-request.entity';
import { FeedbackAnswer, FeedbackResponse } from './feedback-response.entity';
import { SubmitFeedbackDto } from './feedback.dto';

/** Reminders go out this long after the request, and stop once it is answered. */
export const FEEDBACK_REMINDERS_AFTER_MS = [24 * 3600_000, 72 * 3600_000] as const;
/** How often ended sessions are looked for; and how far back, so a first start does not ask about old ones. */
export const FEEDBACK_SWEEP_EVERY_MS = 60_000;
const LOOK_BACK_DAYS = 14;
const ATTENDED = ['present', 'late'];

export interface FormChoiceView {
  formId: string | null;
  /** For a session: true when the form is the plan's default. */
  inherited: boolean;
  form: FeedbackFormView | null;
}

@Injectable()
export class FeedbackService implements OnModuleInit {
  constructor(
    private readonly forms: FeedbackFormsService,
    private readonly plans: PlansService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
    private readonly outbox: Outbox,
    private readonly handlers: JobHandlers,
    private readonly periodic: PeriodicTasks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('feedback.remind', ({ requestId, reminder }, { jobId }) =>
      this.remind(requestId, reminder, jobId),
    );
    this.periodic.register('feedback.requests', FEEDBACK_SWEEP_EVERY_MS, () => this.requestForEndedSessions());
  }

  async planForm(planId: string): Promise<FormChoiceView> {
    const plan = await this.plans.findVisible(planId);
    return this.choiceView(await this.choiceOf(plan.id), false);
  }

  async sessionForm(sessionId: string): Promise<FormChoiceView> {
    const session = await this.sessions.findVisible(sessionId);
    const own = await this.choiceOf(session.id);
    return this.choiceView(own ?? (await this.choiceOf(session.planId)), !own);
  }

  /** Names (or, with null, clears) the plan's default form or a session's own. */
  async choose(kind: 'plan' | 'session', targetId: string, formId: string | null): Promise<FormChoiceView> {
    const target = kind === 'plan' ? await this.plans.findVisible(targetId) : await this.sessions.findVisible(targetId);
    const repository = this.dataSource.getRepository(FeedbackFormChoice);
    if (formId === null) {
      await repository.delete({ targetId: target.id });
    } else {
      const form = await this.forms.findVisible(formId).catch(() => null);
      const vendorForm = form && (await this.isVendorOrganization(form.organizationId));
      if (!form || (form.organizationId !== target.organizationId && !vendorForm)) {
        throw new UnprocessableError('FORM_INVALID', 'formId: not a form of this client or of the vendor', [
          { field: 'formId', message: 'must be a form of this client or of the vendor' },
        ]);
      }
      await repository.upsert(
        {
          targetId: target.id,
          targetKind: kind,
          formId: form.id,
          organizationId: target.organizationId,
          chosenBy: currentActor().userId,
        },
        ['targetId'],
      );
    }
    return kind === 'plan' ? this.planForm(target.id) : this.sessionForm(target.id);
  }

  /**
   * Asks every attendee of each ended session for feedback, once per session: a request now
   * and two reminders as delayed jobs. Safe in several workers at once: the round's primary
   * key lets one of them ask. Then asks those marked present since their session's round.
   */
  async requestForEndedSessions(): Promise<number> {
    return (await this.requestForNewRounds()) + (await this.requestForLateAttendees());
  }

  private async requestForNewRounds(): Promise<number> {
    const due: { id: string; form_id: string }[] = await this.dataSource.query(
      `SELECT s.id, coalesce(own.form_id, plan.form_id) AS form_id
         FROM training_session s
         LEFT JOIN feedback_form_choice own ON own.target_id = s.id
         LEFT JOIN feedback_form_choice plan ON plan.target_id = s.plan_id
        WHERE s.status <> 'cancelled' AND s.ends_at <= now() AND s.ends_at > now() - make_interval(days => $1)
          AND coalesce(own.form_id, plan.form_id) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM feedback_round r WHERE r.session_id = s.id)
        ORDER BY s.ends_at LIMIT 100`,
      [LOOK_BACK_DAYS],
    );
    let asked = 0;
    for (const session of due) {
      asked += await this.dataSource.transaction(async (manager) => {
        const claimed: unknown[] = await manager.query(
          `INSERT INTO feedback_round (session_id, form_id, requested_at, requested) VALUES ($1, $2, now(), 0)
           ON CONFLICT DO NOTHING RETURNING session_id`,
          [session.id, session.form_id],
        );
        if (claimed.length === 0) return 0;
        const requests: { id: string }[] = await manager.query(
          `INSERT INTO feedback_request (session_id, user_id, organization_id, form_id, requested_at)
           SELECT a.session_id, a.user_id, u.organization_id, $2, now()
             FROM attendance a JOIN app_user u ON u.id = a.user_id
            WHERE a.session_id = $1 AND a.status = ANY($3::text[])
           ON CONFLICT (session_id, user_id) DO NOTHING RETURNING id`,
          [session.id, session.form_id, ATTENDED],
        );
        await manager.query(`UPDATE feedback_round SET requested = $2 WHERE session_id = $1`, [
          session.id,
          requests.length,
        ]);
        await this.scheduleReminders(
          manager,
          requests.map((r) => r.id),
        );
        return requests.length;
      });
    }
    return asked;
  }

  /**
   * Attendees marked present after their session's round went out (a walk-in approved late, a
   * sheet corrected weeks later) are asked too, each exactly once: the request is unique per
   * session and person however often they are marked present, absent and present again.
   * Reads the attendance marked lately (by its index), then one probe per such attendee.
   */
  async requestForLateAttendees(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const requests: { id: string; session_id: string }[] = await manager.query(
        `INSERT INTO feedback_request (session_id, user_id, organization_id, form_id, requested_at)
         SELECT a.session_id, a.user_id, u.organization_id, r.form_id, now()
           FROM attendance a
           JOIN feedback_round r ON r.session_id = a.session_id
           JOIN training_session s ON s.id = a.session_id
           JOIN app_user u ON u.id = a.user_id
          WHERE a.updated_at > now() - make_interval(days => $1)
            AND a.status = ANY($2::text[])
            AND s.status <> 'cancelled'
            AND NOT EXISTS (SELECT 1 FROM feedback_request q WHERE q.session_id = a.session_id AND q.user_id = a.user_id)
          ORDER BY a.updated_at
          LIMIT 500
         ON CONFLICT (session_id, user_id) DO NOTHING RETURNING id, session_id`,
        [LOOK_BACK_DAYS, ATTENDED],
      );
      if (requests.length === 0) return 0;
      await manager.query(
        `UPDATE feedback_round r SET requested = r.requested + added.n
           FROM (SELECT session_id, count(*)::int AS n FROM unnest($1::uuid[]) AS session_id GROUP BY session_id) added
          WHERE r.session_id = added.session_id`,
        [requests.map((r) => r.session_id)],
      );
      await this.scheduleReminders(
        manager,
        requests.map((r) => r.id),
      );
      return requests.length;
    });
  }

  private async scheduleReminders(manager: EntityManager, requestIds: string[]): Promise<void> {
    for (const requestId of requestIds) {
      await this.outbox.enqueue(manager, 'feedback.remind', { requestId, reminder: 0 });
      for (const [i, delayMs] of FEEDBACK_REMINDERS_AFTER_MS.entries())
        await this.outbox.enqueue(manager, 'feedback.remind', { requestId, reminder: (i + 1) as 1 | 2 }, { delayMs });
    }
  }

  /** The request itself (reminder 0) or a reminder; nothing once answered. */
  private async remind(requestId: string, reminder: 0 | 1 | 2, jobId: string): Promise<void> {
    const rows: {
      user_id: string;
      session_id: string;
      organization_id: string;
      title: string;
      starts_at: Date;
      time_zone: string;
      responded_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT r.user_id, r.session_id, s.organization_id, s.title, s.starts_at, s.time_zone, r.responded_at
         FROM feedback_request r JOIN app_user u ON u.id = r.user_id JOIN training_session s ON s.id = r.session_id
        WHERE r.id = $1 AND u.active`,
      [requestId],
    );
    const row = rows[0];
    if (!row || row.responded_at) return;
    const when = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: row.time_zone }).format(row.starts_at);
    // Inbox, email (unless turned off) and the client's webhooks; the job id keeps retries single.
    await this.notifications.notify(
      'feedback.requested',
      [row.user_id],
      { title: row.title, reminder: reminder === 0 ? '' : String(reminder) },
      {
        key: jobId,
        varsFor: (person) => ({ when: when(person.locale) }),
        link: `/feedback/${requestId}`,
        organizationId: row.organization_id,
        data: { requestId, sessionId: row.session_id, reminder },
      },
    );
    if (reminder > 0)
      await this.dataSource.query(
        `UPDATE feedback_request SET reminders_sent = greatest(reminders_sent, $2) WHERE id = $1`,
        [requestId, reminder],
      );
  }

  /** My feedback requests, unanswered first. */
  async myRequests(): Promise<FeedbackRequestView[]> {
    const me = currentActor().userId;
    const requests = await this.dataSource.getRepository(FeedbackRequest).find({
      where: { userId: me },
      order: { requestedAt: 'DESC' },
      take: 100,
    });
    if (requests.length === 0) return [];
    const sessionIds = [...new Set(requests.map((r) => r.sessionId))];
    const [sessions, forms, trainers] = await Promise.all([
      this.dataSource.getRepository(TrainingSession).findBy({ id: In(sessionIds) }),
      this.dataSource.getRepository(FeedbackForm).findBy({ id: In([...new Set(requests.map((r) => r.formId))]) }),
      this.trainersOf(sessionIds),
    ]);
    const sessionOf = new Map(sessions.map((s) => [s.id, s]));
    const formOf = new Map(forms.map((f) => [f.id, f]));
    return requests
      .map((request) => {
        const session = sessionOf.get(request.sessionId)!;
        return {
          id: request.id,
          sessionId: session.id,
          sessionTitle: session.title,
          sessionEndedAt: session.endsAt.toISOString(),
          form: toFormView(formOf.get(request.formId)!, 0),
          trainers: trainers.filter((t) => t.session_id === session.id).map((t) => ({ id: t.user_id, name: t.name })),
          requestedAt: request.requestedAt.toISOString(),
          respondedAt: request.respondedAt?.toISOString() ?? null,
          remindersSent: request.remindersSent,
        };
      })
      .sort((a, b) => Number(a.respondedAt !== null) - Number(b.respondedAt !== null));
  }

  /**
   * One response per attendee and session. For an anonymous form the response carries no
   * person and only the day; the request's `respondedAt` alone says that they answered.
   */
  async submit(sessionId: string, input: SubmitFeedbackDto): Promise<{ sessionId: string; anonymous: boolean }> {
    const me = currentActor().userId;
    const session = await this.sessions.findVisible(sessionId).catch(() => null);
    if (!session) throw new NotFoundError('Attended session');
    return this.dataSource.transaction(async (manager) => {
      const attended: unknown[] = await manager.query(
        `SELECT 1 FROM attendance WHERE session_id = $1 AND user_id = $2 AND status = ANY($3::text[])`,
        [session.id, me, ATTENDED],
      );
      if (attended.length === 0) throw new NotFoundError('Attended session');
      const formId = await this.effectiveFormId(session, manager);
      if (!formId || formId !== input.formId) {
        throw new UnprocessableError('FORM_MISMATCH', "formId: not this session's feedback form", [
          {
            field: 'formId',
            message: formId ? `this session asks with form ${formId}` : 'this session asks no feedback',
          },
        ]);
      }
      const form = await manager.findOneByOrFail(FeedbackForm, { id: formId });
      const trainerIds = (await this.trainersOf([session.id], manager)).map((t) => t.user_id);
      const checked = checkAnswers(form.items, trainerIds, input.answers);
      if (!checked.ok) throw new ValidationFailedError(checked.errors);
      // The request may not exist yet when the session has only just ended.
      await manager.query(
        `INSERT INTO feedback_request (session_id, user_id, organization_id, form_id, requested_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (session_id, user_id) DO NOTHING`,
        [session.id, me, currentActor().organizationId, form.id],
      );
      const [request] = await manager.find(FeedbackRequest, {
        where: { sessionId: session.id, userId: me },
        lock: { mode: 'pessimistic_write' },
      });
      if (request.respondedAt)
        throw new ConflictError('FEEDBACK_GIVEN', 'You have already given feedback on this session');
      request.respondedAt = new Date();
      await manager.save(request);
      const response = await manager.save(
        manager.create(FeedbackResponse, {
          sessionId: session.id,
          formId: form.id,
          organizationId: session.organizationId,
          userId: form.anonymous ? null : me,
          submittedOn: new Date().toISOString().slice(0, 10),
        }),
      );
      if (checked.answers.length) {
        await manager.insert(
          FeedbackAnswer,
          checked.answers.map((a) => ({
            responseId: response.id,
            itemId: a.itemId,
            itemType: a.item.type,
            about: a.item.about,
            trainerId: a.trainerId,
            numberValue: a.numberValue,
            textValue: a.textValue,
          })),
        );
      }
      // Ratings of a trainer count towards their qualification, anonymous ones too: they are about the
      // trainer. An anonymous one counts only once its batch closes, and then with the whole batch.
      const rated = form.anonymous
        ? (
            await closeBatchIfFull(manager, {
              sessionId: session.id,
              formId: form.id,
              organizationId: session.organizationId,
            })
          ).ratedTrainerIds
        : [...new Set(checked.answers.flatMap((a) => (a.trainerId ? [a.trainerId] : [])))];
      await this.outbox.enqueueMany(
        manager,
        'qualification.evaluate',
        rated.map((userId) => ({ userId })),
      );
      return { sessionId: session.id, anonymous: form.anonymous };
    });
  }

  async effectiveFormId(session: TrainingSession, manager?: EntityManager): Promise<string | null> {
    const rows: { form_id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT coalesce((SELECT form_id FROM feedback_form_choice WHERE target_id = $1),
                       (SELECT form_id FROM feedback_form_choice WHERE target_id = $2)) AS form_id`,
      [session.id, session.planId],
    );
    return rows[0]?.form_id ?? null;
  }

  private async trainersOf(
    sessionIds: string[],
    manager?: EntityManager,
  ): Promise<{ session_id: string; user_id: string; name: string }[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT st.session_id, st.user_id, u.name FROM session_trainer st JOIN app_user u ON u.id = st.user_id
        WHERE st.session_id = ANY($1::uuid[]) ORDER BY u.name`,
      [sessionIds],
    );
  }

  private async choiceOf(targetId: string): Promise<FeedbackFormChoice | null> {
    return this.dataSource.getRepository(FeedbackFormChoice).findOneBy({ targetId });
  }

  private async choiceView(choice: FeedbackFormChoice | null, inherited: boolean): Promise<FormChoiceView> {
    if (!choice) return { formId: null, inherited: false, form: null };
    return { formId: choice.formId, inherited, form: await this.forms.get(choice.formId) };
  }

  private async isVendorOrganization(organizationId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM organization WHERE id = $1 AND kind = 'vendor'`,
      [organizationId],
    );
    return rows.length > 0;
  }
}
