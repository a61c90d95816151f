import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cascade/server/identity';
import { EmailHandler } from './email.handler';
import { Mailer } from './mailer';
import { Notification } from './notification.entity';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationsService } from './notifications.service';
import { PasswordLinkHandler } from './password-link.handler';
import { OutgoingEmail } from './outgoing-email.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';
import { Webhook } from './webhook.entity';
import { WebhooksRepository, WebhooksService } from './webhooks.service';
import { WelcomeHandler } from './welcome.handler';

export const NOTIFICATION_ENTITIES = [
  Notification,
  NotificationPreference,
  OutgoingEmail,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryAttempt,
];

@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), IdentityModule],
  providers: [
    NotificationsService,
    Mailer,
    EmailHandler,
    WebhooksRepository,
    WebhooksService,
    WebhookDeliveryHandler,
    WelcomeHandler,
    PasswordLinkHandler,
  ],
  exports: [NotificationsService, WebhooksService],
})
export class NotificationsModule {}
