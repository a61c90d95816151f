import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttemptView, BlueprintCheckView, ExamView, ListResult } from '@cascade/contracts';
import { Roles } from '@cascade/server/core';
import { AttemptsService, CreateExamDto, ExamListQuery, ExamsService, UpdateExamDto } from '@cascade/server/exams';

@ApiTags('exams')
@ApiBearerAuth()
@Controller('exams')
export class ExamsController {
  constructor(
    private readonly exams: ExamsService,
    private readonly attempts: AttemptsService,
  ) {}

  @Get()
  list(@Query() query: ExamListQuery): Promise<ListResult<ExamView>> {
    return this.exams.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<ExamView> {
    return this.exams.get(id);
  }

  @Roles('admin', 'trainer')
  @Post()
  create(@Body() body: CreateExamDto): Promise<ExamView> {
    return this.exams.create(body);
  }

  @Roles('admin', 'trainer')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateExamDto): Promise<ExamView> {
    return this.exams.update(id, body);
  }

  @Roles('admin', 'trainer', 'manager')
  @Get(':id/blueprint-check')
  blueprintCheck(@Param('id') id: string): Promise<BlueprintCheckView> {
    return this.exams.blueprintCheck(id);
  }

  /** Starts an attempt, or resumes the open one (200 either way: a second start is the same attempt). */
  @Post(':id/attempts')
  startAttempt(@Param('id') id: string): Promise<AttemptView> {
    return this.attempts.start(id);
  }
}
