import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ExamResultsView, ItemAnalysisView, LearningGainView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import { ExamResultsService, LearningGainService } from '@cascade/server/exams';
import { contentDisposition, Reply } from './download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How well an exam went, for the people who run and pay for the training; trainees see only their own attempts. */
@ApiTags('exams')
@ApiBearerAuth()
@Controller('exams')
export class ExamResultsController {
  constructor(private readonly examResults: ExamResultsService) {}

  @Can('readResults', 'Exam')
  @Get(':id/results')
  results(@Param('id') id: string): Promise<ExamResultsView> {
    return this.examResults.results(id);
  }

  @Can('readResults', 'Exam')
  @ApiProduces(XLSX_TYPE)
  @Get(':id/results.xlsx')
  async resultsXlsx(@Param('id') id: string, @Res() reply: Reply): Promise<void> {
    const { buffer, filename } = await this.examResults.resultsXlsx(id);
    reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(filename)).send(buffer);
  }

  @Can('readResults', 'Exam')
  @Get(':id/item-analysis')
  itemAnalysis(@Param('id') id: string): Promise<ItemAnalysisView> {
    return this.examResults.itemAnalysis(id);
  }
}

@ApiTags('training plans')
@ApiBearerAuth()
@Controller('training-plans')
export class LearningGainController {
  constructor(private readonly learningGain: LearningGainService) {}

  /** Pre-test against post-test of the plan, per trainee and per business process, for readers of results. */
  @Can('readResults', 'Exam')
  @Get(':id/learning-gain')
  get(@Param('id') id: string): Promise<LearningGainView> {
    return this.learningGain.learningGain(id);
  }
}
