import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import nodemailer, { Transporter } from 'nodemailer';
import { OutgoingEmail } from './outgoing-email.entity';

/** The SMTP connection from configuration; without `SMTP_URL` email is skipped, not queued. */
@Injectable()
export class Mailer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get available(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  onModuleInit(): void {
    if (!this.available) this.logger.log('SMTP_URL is not set: notifications go to the inbox and webhooks, not email');
  }

  async send(
    email: Pick<OutgoingEmail, 'id' | 'toAddress' | 'subject' | 'text' | 'html' | 'attachments'>,
  ): Promise<void> {
    if (!this.config.mail.smtpUrl) throw new Error('SMTP is not configured');
    // A pool keeps a few connections open, so a burst of result emails does not reconnect per message.
    this.transport ??= nodemailer.createTransport({ url: this.config.mail.smtpUrl, pool: true, maxConnections: 4 });
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: email.toAddress,
      subject: email.subject,
      text: email.text,
      html: email.html,
      // Stable across retries, so a receiving server or client can spot a resent copy.
      messageId: `<${email.id}@cascade>`,
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, 'base64'),
      })),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
  }
}
