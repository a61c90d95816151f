import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@cascade/server/notifications';
import { JobHandlers } from '@cascade/server/queue';
import { DataSource } from 'typeorm';
import { CalendarService } from './calendar.service';
import { LeadGate } from './lead-gate';
import { formatWhen } from './session.view';
import { TrainingSession } from './training-session.entity';

const EVENT = {
  enrolled: 'session.scheduled',
  rescheduled: 'session.changed',
  cancelled: 'session.cancelled',
  lead_lapsed: 'session.lead_lapsed',
} as const;

/**
 * `session.notify`: each person told in their language, in the inbox and (as they chose) by
 * email with the session's .ics attached, and the client's webhooks told once; once per job.
 */
@Injectable()
export class SessionNotifyHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly notifications: NotificationsService,
    private readonly calendars: CalendarService,
    private readonly leadGate: LeadGate,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('session.notify', async ({ sessionId, change, userIds }, { jobId }) => {
      const session = await this.dataSource.getRepository(TrainingSession).findOneBy({ id: sessionId });
      if (!session) return;
      // Read when sent: a lead replaced (or a session started) in the meantime needs no message.
      const lapsed =
        change === 'lead_lapsed' ? await this.leadGate.lapsedLeadOf(this.dataSource.manager, session.id) : null;
      if (change === 'lead_lapsed' && !lapsed) return;
      // A lead to replace concerns the trainers, who need no calendar file for it.
      const attachments = lapsed
        ? []
        : [
            {
              filename: 'session.ics',
              contentType: 'text/calendar; charset=utf-8',
              content: await this.calendars.sessionIcs(session.id),
            },
          ];
      await this.notifications.notify(
        EVENT[change],
        userIds,
        {
          title: session.title,
          reason: session.cancelReason ?? '',
          lead: lapsed?.name ?? '',
          state: lapsed?.state ?? '',
        },
        {
          key: jobId,
          varsFor: (person) => ({
            when: formatWhen(session, person.locale),
            place: session.location ?? session.onlineUrl ?? (person.locale === 'en' ? 'to be announced' : '待定'),
          }),
          link: `/sessions/${session.id}/show`,
          organizationId: session.organizationId,
          data: {
            session: {
              id: session.id,
              planId: session.planId,
              title: session.title,
              startsAt: session.startsAt.toISOString(),
              endsAt: session.endsAt.toISOString(),
              timeZone: session.timeZone,
              location: session.location,
              onlineUrl: session.onlineUrl,
              status: session.status,
              cancelReason: session.cancelReason,
            },
            ...(lapsed ? { lead: { userId: lapsed.userId, name: lapsed.name, qualification: lapsed.state } } : {}),
            userIds,
          },
          attachments,
        },
      );
    });
  }
}
