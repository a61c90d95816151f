import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { NotFoundError, Public } from '@cascade/server/core';
import { CalendarService } from '@cascade/server/sessions';
import { Reply } from './download';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @ApiBearerAuth()
  @Get('me/calendar')
  feedUrl(): Promise<{ url: string }> {
    return this.calendar.feedUrl();
  }

  @ApiBearerAuth()
  @Post('me/calendar/reset')
  @HttpCode(200)
  reset(): Promise<{ url: string }> {
    return this.calendar.resetFeed();
  }

  /** Subscribed to by calendar apps, which cannot log in: the secret token is the credential. */
  @Public()
  @Get('calendar/:file')
  async feed(@Param('file') file: string, @Res() reply: Reply): Promise<void> {
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    if (!token) throw new NotFoundError('Calendar');
    const body = await this.calendar.feedIcs(token);
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .send(body);
  }
}
