import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ItemGradeView, KeyCorrectionView, ListResult, PendingGradingItem } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import {
  CorrectKeyDto,
  GradeAnswerDto,
  KeyCorrectionsService,
  ManualGradingService,
  PendingGradingQuery,
} from '@cascade/server/exams';

@ApiTags('grading')
@ApiBearerAuth()
@Controller()
export class GradingController {
  constructor(
    private readonly grading: ManualGradingService,
    private readonly corrections: KeyCorrectionsService,
  ) {}

  /** Essay answers awaiting a trainer, oldest hand-in first. */
  @Can('grade', 'Attempt')
  @Get('grading/pending')
  pending(@Query() query: PendingGradingQuery): Promise<ListResult<PendingGradingItem>> {
    return this.grading.pending(query);
  }

  /** A trainer's grade of one essay answer; the last one pending finalises the attempt. */
  @Can('grade', 'Attempt')
  @Post('attempts/:id/answers/:questionId/grade')
  @HttpCode(200)
  grade(
    @Param('id') id: string,
    @Param('questionId') questionId: string,
    @Body() body: GradeAnswerDto,
  ): Promise<ItemGradeView> {
    return this.grading.grade(id, questionId, body);
  }

  /** Corrects a used version's key; every attempt that used it is regraded on the queue. */
  @Can('correctKey', 'Question')
  @Post('questions/:id/key-corrections')
  @HttpCode(202)
  correctKey(@Param('id') id: string, @Body() body: CorrectKeyDto): Promise<KeyCorrectionView> {
    return this.corrections.correct(id, body);
  }

  /** Each correction with its regrade report (scores before and after) once done. */
  @Can('read', 'Question')
  @Get('questions/:id/key-corrections')
  keyCorrections(@Param('id') id: string): Promise<KeyCorrectionView[]> {
    return this.corrections.list(id);
  }
}
