import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DepartmentDigestView, FollowUpListView, RecognitionPolicyView, ResultsReleaseView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import { RecognitionPolicyDto, ResultsLoopService } from '@cascade/server/exams';

/** Results sent back to people and departments, under each client's recognition policy. */
@ApiTags('results')
@ApiBearerAuth()
@Controller()
export class ResultsLoopController {
  constructor(private readonly loop: ResultsLoopService) {}

  @Can('read', 'RecognitionPolicy')
  @Get('organizations/:id/recognition-policy')
  policy(@Param('id') id: string): Promise<RecognitionPolicyView> {
    return this.loop.policy(id);
  }

  /** Admins and the client's own managers. */
  @Can('update', 'RecognitionPolicy')
  @Put('organizations/:id/recognition-policy')
  setPolicy(@Param('id') id: string, @Body() body: RecognitionPolicyDto): Promise<RecognitionPolicyView> {
    return this.loop.setPolicy(id, body);
  }

  /** Sends the results back now instead of at the close; 409 while attempts still wait for grading. */
  @Can('release', 'Exam')
  @Post('exams/:id/release-results')
  @HttpCode(200)
  release(@Param('id') id: string): Promise<ResultsReleaseView> {
    return this.loop.release(id);
  }

  @Can('readResults', 'Exam')
  @Get('exams/:id/digests')
  digests(@Param('id') id: string): Promise<DepartmentDigestView[]> {
    return this.loop.digests(id);
  }

  @Can('readResults', 'Exam')
  @Get('exams/:id/follow-up')
  followUps(@Param('id') id: string): Promise<FollowUpListView[]> {
    return this.loop.followUps(id);
  }
}
