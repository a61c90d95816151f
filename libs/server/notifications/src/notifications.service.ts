import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, Locale, NotificationKind, NotificationView } from '@cascade/contracts';
import { currentActor, NotFoundError } from '@cascade/server/core';
import { isUUID } from 'class-validator';
import { DataSource, IsNull } from 'typeorm';
import { MESSAGES } from './messages';
import { Notification } from './notification.entity';

export interface InboxRecipient {
  id: string;
  organizationId: string;
  locale: Locale;
}

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
