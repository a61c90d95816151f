import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AttemptView, BlueprintCheckView, ExamView, ListResult } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
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

  @Can('create', 'Exam')
  @Post()
  create(@Body() body: CreateExamDto): Promise<ExamView> {
    return this.exams.create(body);
  }

  @Can('update', 'Exam')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateExamDto): Promise<ExamView> {
    return this.exams.update(id, body);
  }

  @Can('update', 'Exam')
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
