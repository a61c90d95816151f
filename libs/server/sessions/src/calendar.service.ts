import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { currentActor, NotFoundError } from '@cascade/server/core';
import ical, { ICalEventStatus } from 'ical-generator';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity';
import { SessionsService } from './sessions.service';
import { TrainingSession } from './training-session.entity';

const FEED_DAYS_BACK = 90;

@Injectable()
export class CalendarService {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async sessionIcs(sessionId: string): Promise<string> {
    return this.render([await this.sessions.findVisible(sessionId)], 'Cascade');
  }

  /** The current user's subscription URL, created on first use. */
  async feedUrl(): Promise<{ url: string }> {
    const userId = currentActor().userId;
    const repo = this.dataSource.getRepository(CalendarFeed);
    let feed = await repo.findOneBy({ userId });
    if (!feed) {
      await repo.createQueryBuilder().insert().values({ userId, token: newToken() }).orIgnore().execute();
      feed = await repo.findOneByOrFail({ userId });
    }
    return { url: this.urlOf(feed.token) };
  }

  /** A new secret: the old subscription URL stops working at once. */
  async resetFeed(): Promise<{ url: string }> {
    const userId = currentActor().userId;
    const token = newToken();
    await this.dataSource.query(
      `INSERT INTO calendar_feed (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()`,
      [userId, token],
    );
    return { url: this.urlOf(token) };
  }

  /** Public: the token is the credential. Sessions the owner trains or is enrolled in, cancelled ones marked so. */
  async feedIcs(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFoundError('Calendar');
    const rows: { user_id: string; name: string; active: boolean }[] = await this.dataSource.query(
      `SELECT f.user_id, u.name, u.active FROM calendar_feed f JOIN app_user u ON u.id = f.user_id WHERE f.token = $1`,
      [token],
    );
    if (!rows[0]?.active) throw new NotFoundError('Calendar');
    const sessions = await this.dataSource
      .getRepository(TrainingSession)
      .createQueryBuilder('s')
      .where(
        `(EXISTS (SELECT 1 FROM session_enrollment e WHERE e.session_id = s.id AND e.user_id = :userId AND e.status <> 'declined')
          OR EXISTS (SELECT 1 FROM session_trainer t WHERE t.session_id = s.id AND t.user_id = :userId))`,
        { userId: rows[0].user_id },
      )
      .andWhere(`s.ends_at > now() - make_interval(days => :days)`, { days: FEED_DAYS_BACK })
      .orderBy('s.starts_at', 'ASC')
      .getMany();
    return this.render(sessions, `Cascade — ${rows[0].name}`);
  }

  private render(sessions: TrainingSession[], name: string): string {
    const calendar = ical({ name, prodId: { company: 'Cascade', product: 'Cascade', language: 'ZH' } });
    for (const s of sessions) {
      calendar.createEvent({
        id: `${s.id}@cascade`,
        // Written in UTC: a TZID without its VTIMEZONE is read as floating local time by most clients.
        start: s.startsAt,
        end: s.endsAt,
        summary: s.status === 'cancelled' ? `[已取消 Cancelled] ${s.title}` : s.title,
        description: [
          s.businessProcess,
          s.cancelReason ? `取消原因 Reason: ${s.cancelReason}` : null,
          `${this.config.publicUrl}/sessions/${s.id}/show`,
        ]
          .filter(Boolean)
          .join('\n'),
        location: s.location ?? s.onlineUrl ?? undefined,
        url: s.onlineUrl ?? undefined,
        status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        // Each change must win over the copy a calendar app already holds.
        sequence: Math.floor(s.updatedAt.getTime() / 1000) - 1_700_000_000,
        lastModified: s.updatedAt,
      });
    }
    return calendar.toString();
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }
}

const newToken = () => randomBytes(32).toString('base64url');
