import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResult, TrainingIssueView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import {
  CreateTrainingIssueDto,
  IssueResolutionDto,
  TrainingIssueListQuery,
  TrainingIssuesService,
  UpdateTrainingIssueDto,
} from '@cascade/server/training-issues';

@ApiTags('training issues')
@ApiBearerAuth()
@Controller('training-issues')
export class TrainingIssuesController {
  constructor(private readonly issues: TrainingIssuesService) {}

  @Get()
  list(@Query() query: TrainingIssueListQuery): Promise<ListResult<TrainingIssueView>> {
    return this.issues.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<TrainingIssueView> {
    return this.issues.get(id);
  }

  @Post()
  create(@Body() body: CreateTrainingIssueDto): Promise<TrainingIssueView> {
    return this.issues.create(body);
  }

  @Can('update', 'TrainingIssue')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateTrainingIssueDto): Promise<TrainingIssueView> {
    return this.issues.update(id, body);
  }

  @Can('update', 'TrainingIssue')
  @Post(':id/start')
  @HttpCode(200)
  start(@Param('id') id: string): Promise<TrainingIssueView> {
    return this.issues.move(id, 'start');
  }

  @Can('update', 'TrainingIssue')
  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Param('id') id: string, @Body() body: IssueResolutionDto): Promise<TrainingIssueView> {
    return this.issues.move(id, 'resolve', body.resolution);
  }

  @Can('update', 'TrainingIssue')
  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id') id: string, @Body() body: IssueResolutionDto): Promise<TrainingIssueView> {
    return this.issues.move(id, 'reject', body.resolution);
  }

  @Can('update', 'TrainingIssue')
  @Post(':id/defer')
  @HttpCode(200)
  defer(@Param('id') id: string, @Body() body: IssueResolutionDto): Promise<TrainingIssueView> {
    return this.issues.move(id, 'defer', body.resolution);
  }

  @Can('update', 'TrainingIssue')
  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@Param('id') id: string): Promise<TrainingIssueView> {
    return this.issues.move(id, 'reopen');
  }
}
