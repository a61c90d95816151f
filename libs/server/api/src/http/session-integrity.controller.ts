import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CheckInEntryView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import { AttendanceService } from '@cascade/server/sessions';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionIntegrityController {
  constructor(private readonly attendance: AttendanceService) {}

  /** Reopens a person's code entry closed after too many wrong codes (the session's trainers). */
  @Can('markAttendance', 'Session')
  @Post(':id/check-in-entries/:userId/reopen')
  @HttpCode(200)
  reopenCheckIn(@Param('id') id: string, @Param('userId') userId: string): Promise<CheckInEntryView> {
    return this.attendance.reopenCheckIn(id, userId);
  }
}
