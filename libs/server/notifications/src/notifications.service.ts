import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ListResult,
  Locale,
  NOTIFICATION_EVENTS,
  NotificationEvent,
  NotificationKind,
  NotificationPreferencesView,
  NotificationView,
} from '@cascade/contracts';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { currentActor, NotFoundError } from '@cascade/server/core';
import { Outbox } from '@cascade/server/queue';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { renderEmail } from './email-content';
import { Mailer } from './mailer';
import { MESSAGES } from './messages';
import { Notification } from './notification.entity';
import { NotificationPreference } from './notification-preference.entity';
import { OutgoingEmail } from './outgoing-email.entity';
import { WebhookDelivery } from './webhook-delivery.entity';

export interface InboxRecipient {
  id: string;
  organizationId: string;
  locale: Locale;
}

/** A person a notification reaches, as `notify` loads them. */
export interface NotifyRecipient extends InboxRecipient {
  email: string;
  name: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

export interface NotifyOptions {
  /**
   * Names this occurrence of the event. Calling `notify` again with the same key delivers
   * nothing twice (inbox, email and webhook are each deduplicated), so a job handler can
   * pass its job id and be retried safely.
   */
  key: string;
  /** Per-recipient template variables (dates in their language, their own score), merged over `vars`. */
  varsFor?: (recipient: NotifyRecipient) => Record<string, string>;
  /** Console path the inbox item and the email link to, e.g. `/sessions/<id>/show`. */
  link?: string | null;
  /** The client organization whose webhooks hear of the event; omitted: no webhook. */
  organizationId?: string | null;
  /** The webhook body's `data`. */
  data?: Record<string, unknown>;
  /** Files attached to the email (e.g. the session's .ics), the same or per recipient. */
  attachments?: MailAttachment[] | ((recipient: NotifyRecipient) => MailAttachment[]);
  /** Join the caller's transaction: the deliveries then exist exactly when its change commits. */
  manager?: EntityManager;
}

/** Which inbox kind (and message template) each event uses. */
export const EVENT_KIND: Record<NotificationEvent, NotificationKind> = {
  'session.scheduled': 'session_enrolled',
  'session.changed': 'session_rescheduled',
  'session.cancelled': 'session_cancelled',
  'exam.assigned': 'exam_assigned',
  'exam.result_final': 'exam_result',
  'feedback.requested': 'feedback_requested',
  'webhook.disabled': 'webhook_disabled',
  'results.digest': 'results_digest',
  'results.follow_up': 'results_follow_up',
  'qualification.qualified': 'qualification_qualified',
  'qualification.expiring': 'qualification_expiring',
  'qualification.expired': 'qualification_expired',
  'session.lead_lapsed': 'session_lead_lapsed',
};

// Keeps each insert well under PostgreSQL's 65,535 parameters.
const CHUNK = 500;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: Outbox,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Tells people about an event on every channel: an inbox item each, an email to those who
   * did not turn email off for this event, and one delivery to each enabled webhook of
   * `options.organizationId` subscribed to it. Emails and webhook calls are queued through the
   * outbox in the same transaction and sent (with retries) by the worker.
   */
  async notify(
    event: NotificationEvent,
    recipientIds: string[],
    vars: Record<string, string>,
    options: NotifyOptions,
  ): Promise<void> {
    const run = async (manager: EntityManager) => {
      const ids = [...new Set(recipientIds)];
      const people: NotifyRecipient[] = ids.length
        ? (
            await manager.query(
              `SELECT id, organization_id, locale, email, name FROM app_user WHERE id = ANY($1::uuid[]) AND active ORDER BY id`,
              [ids],
            )
          ).map((r: { id: string; organization_id: string; locale: Locale; email: string; name: string }) => ({
            id: r.id,
            organizationId: r.organization_id,
            locale: r.locale,
            email: r.email,
            name: r.name,
          }))
        : [];
      const kind = EVENT_KIND[event];
      const link = options.link ?? null;
      const messages = people.map((person) => ({
        person,
        ...MESSAGES[kind][person.locale]({ ...vars, ...options.varsFor?.(person) }),
      }));
      for (const chunk of chunks(messages)) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(Notification)
          .values(
            chunk.map(({ person, title, body }) => ({
              userId: person.id,
              organizationId: person.organizationId,
              kind,
              title,
              body,
              link,
              dedupeKey: `${options.key}:${person.id}`,
            })),
          )
          .orIgnore()
          .execute();
      }
      if (this.mailer.available && messages.length) await this.queueEmails(manager, event, messages, options);
      if (options.organizationId) await this.queueWebhooks(manager, event, options);
    };
    if (options.manager) await run(options.manager);
    else await this.dataSource.transaction(run);
  }

  private async queueEmails(
    manager: EntityManager,
    event: NotificationEvent,
    messages: { person: NotifyRecipient; title: string; body: string }[],
    options: NotifyOptions,
  ): Promise<void> {
    const optedOut = new Set(
      (
        await manager.query(
          `SELECT user_id FROM notification_preference WHERE event = $1 AND NOT email AND user_id = ANY($2::uuid[])`,
          [event, messages.map((m) => m.person.id)],
        )
      ).map((r: { user_id: string }) => r.user_id),
    );
    const linkUrl = options.link ? `${this.config.publicUrl}${options.link}` : null;
    const wanted = messages.filter((m) => !optedOut.has(m.person.id) && m.person.email);
    for (const chunk of chunks(wanted)) {
      const rows = chunk.map(({ person, title, body }) => {
        const attachments =
          typeof options.attachments === 'function' ? options.attachments(person) : (options.attachments ?? []);
        return {
          id: randomUUID(),
          userId: person.id,
          event,
          toAddress: person.email,
          locale: person.locale,
          ...renderEmail(person.locale, title, body, linkUrl),
          attachments: attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentBase64: Buffer.from(a.content).toString('base64'),
          })),
          dedupeKey: `${options.key}:${person.id}`,
        };
      });
      // Only rows not queued before come back, so a repeated call queues no second email.
      const inserted: { id: string }[] = (
        await manager
          .createQueryBuilder()
          .insert()
          .into(OutgoingEmail)
          .values(rows)
          .orIgnore()
          .returning(['id'])
          .execute()
      ).raw;
      await this.outbox.enqueueMany(
        manager,
        'notification.email',
        inserted.map((r) => ({ emailId: r.id })),
      );
    }
  }

  private async queueWebhooks(manager: EntityManager, event: NotificationEvent, options: NotifyOptions): Promise<void> {
    const hooks: { id: string }[] = await manager.query(
      `SELECT id FROM webhook WHERE organization_id = $1 AND enabled AND $2 = ANY(events) ORDER BY id`,
      [options.organizationId, event],
    );
    if (hooks.length === 0) return;
    const createdAt = new Date().toISOString();
    const rows = hooks.map((hook) => {
      const id = randomUUID();
      const body = JSON.stringify({
        id,
        event,
        createdAt,
        organizationId: options.organizationId,
        data: options.data ?? {},
      });
      return { id, webhookId: hook.id, event, body, dedupeKey: `${hook.id}:${options.key}` };
    });
    const inserted: { id: string }[] = (
      await manager
        .createQueryBuilder()
        .insert()
        .into(WebhookDelivery)
        .values(rows)
        .orIgnore()
        .returning(['id'])
        .execute()
    ).raw;
    await this.outbox.enqueueMany(
      manager,
      'webhook.deliver',
      inserted.map((r) => ({ deliveryId: r.id })),
    );
  }

  /** Puts an item in a user's inbox once per dedupe key, however often it is called. */
  async deliverToInbox(
    recipient: InboxRecipient,
    kind: NotificationKind,
    vars: Record<string, string>,
    dedupeKey: string,
    link: string | null = null,
  ): Promise<void> {
    const { title, body } = MESSAGES[kind][recipient.locale](vars);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ userId: recipient.id, organizationId: recipient.organizationId, kind, title, body, link, dedupeKey })
      .orIgnore()
      .execute();
  }

  /** The current user's own inbox; nobody reads another person's. */
  async inbox(page: number, perPage: number, unreadOnly: boolean): Promise<ListResult<NotificationView>> {
    const where = { userId: currentActor().userId, ...(unreadOnly ? { readAt: IsNull() } : {}) };
    const [rows, total] = await this.dataSource.getRepository(Notification).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * perPage,
      take: perPage,
    });
    return { data: rows.map(toView), total };
  }

  async unreadCount(): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId: currentActor().userId, readAt: IsNull() });
  }

  async markRead(id: string): Promise<void> {
    const repo = this.dataSource.getRepository(Notification);
    const item = isUUID(id) ? await repo.findOneBy({ id, userId: currentActor().userId }) : null;
    if (!item) throw new NotFoundError('Notification');
    if (!item.readAt) await repo.update({ id: item.id }, { readAt: new Date() });
  }

  /** The current user's email choices, every event listed (email is on unless turned off). */
  async preferences(): Promise<NotificationPreferencesView> {
    const rows = await this.dataSource.getRepository(NotificationPreference).findBy({ userId: currentActor().userId });
    const chosen = new Map(rows.map((r) => [r.event, r.email]));
    const email = Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, chosen.get(e) ?? true])) as Record<
      NotificationEvent,
      boolean
    >;
    return { email, emailAvailable: this.mailer.available };
  }

  /** Changes only the events named; the others keep their choice. */
  async setPreferences(email: Partial<Record<NotificationEvent, boolean>>): Promise<NotificationPreferencesView> {
    const userId = currentActor().userId;
    const rows = NOTIFICATION_EVENTS.filter((e) => typeof email[e] === 'boolean').map((event) => ({
      userId,
      event,
      email: email[event] as boolean,
    }));
    if (rows.length) await this.dataSource.getRepository(NotificationPreference).upsert(rows, ['userId', 'event']);
    return this.preferences();
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function toView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
