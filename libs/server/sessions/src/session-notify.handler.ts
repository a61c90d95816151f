import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Locale } from '@cascade/contracts';
import { NotificationsService } from '@cascade/server/notifications';
import { JobHandlers } from '@cascade/server/queue';
import { DataSource } from 'typeorm';
import { formatWhen } from './session.view';
import { TrainingSession } from './training-session.entity';

const KIND = {
  enrolled: 'session_enrolled',
  rescheduled: 'session_rescheduled',
  cancelled: 'session_cancelled',
} as const;

/** `session.notify`: an inbox item per person, in their language, once per job and person. */
@Injectable()
export class SessionNotifyHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('session.notify', async ({ sessionId, change, userIds }, { jobId }) => {
      const session = await this.dataSource.getRepository(TrainingSession).findOneBy({ id: sessionId });
      if (!session) return;
      const people: { id: string; organization_id: string; locale: Locale }[] = await this.dataSource.query(
        `SELECT id, organization_id, locale FROM app_user WHERE id = ANY($1::uuid[]) AND active`,
        [userIds],
      );
      for (const person of people) {
        const place = session.location ?? session.onlineUrl ?? (person.locale === 'en' ? 'to be announced' : '待定');
        await this.notifications.deliverToInbox(
          { id: person.id, organizationId: person.organization_id, locale: person.locale },
          KIND[change],
          { title: session.title, when: formatWhen(session, person.locale), place, reason: session.cancelReason ?? '' },
          `${jobId}:${person.id}`,
          `/sessions/${session.id}/show`,
        );
      }
    });
  }
}
