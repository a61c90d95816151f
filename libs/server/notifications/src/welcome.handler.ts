import { Injectable, OnModuleInit } from '@nestjs/common';
import { UsersRepository } from '@cascade/server/identity';
import { JobHandlers } from '@cascade/server/queue';
import { NotificationsService } from './notifications.service';
import { PasswordLinkHandler } from './password-link.handler';

/**
 * `user.welcome`: greets a new user in their inbox, in their language, and invites one
 * created without a password (an import, usually) to choose theirs.
 */
@Injectable()
export class WelcomeHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
    private readonly passwordLinks: PasswordLinkHandler,
  ) {}

  onModuleInit(): void {
    this.handlers.register('user.welcome', async ({ userId }) => {
      const user = await this.users.findVisible(userId);
      await this.notifications.deliverToInbox(user, 'welcome', { name: user.name }, `welcome:${user.id}`);
      if (!user.passwordHash && user.active) await this.passwordLinks.invite(user.id);
    });
  }
}
