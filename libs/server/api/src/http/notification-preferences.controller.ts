import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotificationEvent, NotificationPreferencesView } from '@cascade/contracts';
import { NotificationPreferencesDto, NotificationsService } from '@cascade/server/notifications';

/** Each user's own choice, per event, of whether email comes besides the inbox. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  get(): Promise<NotificationPreferencesView> {
    return this.notifications.preferences();
  }

  @Put()
  put(@Body() body: NotificationPreferencesDto): Promise<NotificationPreferencesView> {
    return this.notifications.setPreferences(body.email as Partial<Record<NotificationEvent, boolean>>);
  }
}
