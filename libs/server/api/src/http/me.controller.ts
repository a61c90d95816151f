import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { defineRulesFor, ListResult, MyAbilitiesView, MyExamView, NotificationView } from '@cascade/contracts';
import { AttemptsService } from '@cascade/server/exams';
import { currentActor, ListQueryDto, toBoolean } from '@cascade/server/core';
import { NotificationsService } from '@cascade/server/notifications';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

class InboxQuery extends ListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly attempts: AttemptsService,
  ) {}

  /**
   * The rules of the permission policy as they apply to me now, for the console to show only
   * what I may do. The API checks every request against the same rules.
   */
  @Get('abilities')
  abilities(): MyAbilitiesView {
    return { rules: defineRulesFor(currentActor()) };
  }

  /** The exams assigned to me, with my own window, attempts and latest result. */
  @Get('exams')
  exams(): Promise<MyExamView[]> {
    return this.attempts.myExams();
  }

  @Get('notifications')
  inbox(@Query() query: InboxQuery): Promise<ListResult<NotificationView>> {
    return this.notifications.inbox(query.page, query.perPage, query.unread ?? false);
  }

  @Get('notifications/unread-count')
  async unreadCount(): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount() };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  async markRead(@Param('id') id: string): Promise<void> {
    await this.notifications.markRead(id);
  }
}
