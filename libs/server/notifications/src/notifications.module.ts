import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cascade/server/identity';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { WelcomeHandler } from './welcome.handler';

@Module({
  imports: [TypeOrmModule.forFeature([Notification]), IdentityModule],
  providers: [NotificationsService, WelcomeHandler],
  exports: [NotificationsService],
})
export class NotificationsModule {}
