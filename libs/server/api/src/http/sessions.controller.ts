import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AttendanceSheetView,
  AttendanceView,
  CheckInCodeView,
  ListResult,
  TrainingSessionView,
} from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import {
  AttendanceService,
  CalendarService,
  CancelSessionDto,
  CheckInDto,
  CreateSessionDto,
  EnrollDto,
  MarkAttendanceDto,
  RespondDto,
  SessionListQuery,
  SessionsService,
  UpdateSessionDto,
} from '@cascade/server/sessions';
import { contentDisposition, Reply } from './download';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  list(@Query() query: SessionListQuery): Promise<ListResult<TrainingSessionView>> {
    return this.sessions.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<TrainingSessionView> {
    return this.sessions.get(id);
  }

  @Can('create', 'Session')
  @Post()
  create(@Body() body: CreateSessionDto): Promise<TrainingSessionView> {
    return this.sessions.create(body);
  }

  @Can('update', 'Session')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateSessionDto): Promise<TrainingSessionView> {
    return this.sessions.update(id, body);
  }

  @Can('update', 'Session')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string, @Body() body: CancelSessionDto): Promise<TrainingSessionView> {
    return this.sessions.cancel(id, body.reason);
  }

  @Can('enroll', 'Session')
  @Post(':id/enrollments')
  @HttpCode(200)
  enroll(@Param('id') id: string, @Body() body: EnrollDto): Promise<TrainingSessionView> {
    return this.sessions.enroll(id, body);
  }

  @Can('enroll', 'Session')
  @Delete(':id/enrollments/:userId')
  @HttpCode(204)
  async unenroll(@Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    await this.sessions.unenroll(id, userId);
  }

  @Post(':id/respond')
  @HttpCode(200)
  respond(@Param('id') id: string, @Body() body: RespondDto): Promise<TrainingSessionView> {
    return this.sessions.respond(id, body.response);
  }

  @Can('showCheckInCode', 'Session')
  @Get(':id/check-in-code')
  checkInCode(@Param('id') id: string): Promise<CheckInCodeView> {
    return this.attendance.checkInCode(id);
  }

  @Post(':id/check-ins')
  async checkIn(
    @Param('id') id: string,
    @Body() body: CheckInDto,
    @Res({ passthrough: true }) reply: { status(code: number): void },
  ): Promise<AttendanceView> {
    const result = await this.attendance.checkIn(id, body.code, body.method ?? 'qr');
    reply.status(result.created ? 201 : 200);
    return result.attendance;
  }

  @Can('readAttendance', 'Session')
  @Get(':id/attendance')
  sheet(@Param('id') id: string): Promise<AttendanceSheetView> {
    return this.attendance.sheet(id);
  }

  @Can('markAttendance', 'Session')
  @Post(':id/attendance')
  @HttpCode(200)
  mark(@Param('id') id: string, @Body() body: MarkAttendanceDto): Promise<AttendanceView> {
    return this.attendance.mark(id, body);
  }

  @Can('readAttendance', 'Session')
  @Get(':id/attendance.xlsx')
  async sheetXlsx(@Param('id') id: string, @Res() reply: Reply): Promise<void> {
    const { buffer, filename } = await this.attendance.sheetXlsx(id);
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(filename))
      .send(buffer);
  }

  @Get(':id/calendar.ics')
  async ics(@Param('id') id: string, @Res() reply: Reply): Promise<void> {
    const body = await this.calendar.sessionIcs(id);
    reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', contentDisposition('session.ics'))
      .send(body);
  }
}
