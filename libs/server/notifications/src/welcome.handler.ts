import { Injectable, OnModuleInit } from '@nestjs/common';
import { UsersRepository } from '@cascade/server/identity';
import { JobHandlers } from '@cascade/server/queue';
import { NotificationsService } from './notifications.service';

/** `user.welcome`: greets a new user in their inbox, in their language. */
@Injectable()
export class WelcomeHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('user.welcome', async ({ userId }) => {
      const user = await this.users.findVisible(userId);
      await this.notifications.deliverToInbox(user, 'welcome', { name: user.name }, `welcome:${user.id}`);
    });
  }
}
