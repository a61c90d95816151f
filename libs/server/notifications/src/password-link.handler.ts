import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { PASSWORD_LINK_LIFETIME_SECONDS, PasswordLinkPurpose, SET_PASSWORD_PATH } from '@cascade/contracts';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { PasswordsService } from '@cascade/server/identity';
import { JobHandlers } from '@cascade/server/queue';
import { Mailer } from './mailer';
import { renderPasswordEmail } from './password-email';

/**
 * `password.link`, and the invitation of a user created without a password: emails a
 * one-time link. The link's secret is minted right before sending and is kept nowhere but
 * in the email (the outgoing-email table would keep it readable), so this handler sends
 * itself; a failure is thrown for the queue to retry with a fresh link.
 */
@Injectable()
export class PasswordLinkHandler implements OnModuleInit {
  private readonly logger = new Logger(PasswordLinkHandler.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly passwords: PasswordsService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register('password.link', (request, { jobId }) => this.send(request, jobId));
  }

  /** Invites a new user to choose their password; once per user, however often called. */
  invite(userId: string): Promise<void> {
    return this.send({ purpose: 'invitation', userId, email: null }, `invitation:${userId}`);
  }

  private async send(
    request: { purpose: PasswordLinkPurpose; userId: string | null; email: string | null },
    requestKey: string,
  ): Promise<void> {
    if (!this.mailer.available) {
      this.logger.warn({ requestKey }, 'SMTP_URL is not set: no password link was emailed');
      return;
    }
    const link = await this.passwords.mintLink(request, requestKey);
    if (!link) return;
    const url = `${this.config.publicUrl}${SET_PASSWORD_PATH}?token=${link.token}`;
    const { recipient } = link;
    const content = renderPasswordEmail(
      link.purpose,
      recipient.locale,
      recipient.name,
      url,
      PASSWORD_LINK_LIFETIME_SECONDS[link.purpose],
    );
    await this.mailer.send({ id: link.tokenId, toAddress: recipient.email, attachments: [], ...content });
    await this.passwords.markSent(link.tokenId);
  }
}
