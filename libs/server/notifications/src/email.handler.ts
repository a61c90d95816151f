import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOB_DEFAULTS, JobHandlers } from '@cascade/server/queue';
import { DataSource } from 'typeorm';
import { Mailer } from './mailer';
import { OutgoingEmail } from './outgoing-email.entity';

/**
 * `notification.email`: sends one stored email. A failure is thrown so the queue retries it
 * with exponential backoff; the last attempt marks it failed instead. A sent email is never
 * sent again by a repeated job.
 */
@Injectable()
export class EmailHandler implements OnModuleInit {
  private readonly logger = new Logger(EmailHandler.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly mailer: Mailer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('notification.email', ({ emailId }, { attemptsMade }) => this.send(emailId, attemptsMade));
  }

  async send(emailId: string, attemptsMade = 0): Promise<void> {
    const repo = this.dataSource.getRepository(OutgoingEmail);
    const email = await repo.findOneBy({ id: emailId });
    if (!email || email.status !== 'pending') return;
    const attempts = email.attempts + 1;
    if (!this.mailer.available) {
      await repo.update({ id: email.id }, { status: 'failed', attempts, lastError: 'SMTP is not configured' });
      return;
    }
    try {
      await this.mailer.send(email);
    } catch (error) {
      const final = attemptsMade + 1 >= (JOB_DEFAULTS.attempts ?? 1);
      const lastError = (error as Error).message.slice(0, 1000);
      await repo.update({ id: email.id }, { attempts, lastError, ...(final ? { status: 'failed' as const } : {}) });
      if (final) {
        this.logger.warn({ emailId, attempts, err: error }, 'Email failed on its last attempt');
        return;
      }
      throw error;
    }
    await repo.update({ id: email.id }, { status: 'sent', attempts, lastError: null, sentAt: new Date() });
  }
}
