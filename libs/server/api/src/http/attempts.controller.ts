import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnswerSaved, AttemptView } from '@cascade/contracts';
import { OwnRecordsOnly } from '@cascade/server/core';
import { AttemptsService, SaveAnswerDto } from '@cascade/server/exams';

@ApiTags('attempts')
@ApiBearerAuth()
@Controller('attempts')
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  /** The frozen questions without any answer key, the saved answers, the server's deadline and clock. */
  @Get(':id')
  get(@Param('id') id: string): Promise<AttemptView> {
    return this.attempts.get(id);
  }

  // Autosave checks in its own statement that the attempt is the caller's, open and in time.
  @OwnRecordsOnly()
  @Put(':id/answers/:questionId')
  save(
    @Param('id') id: string,
    @Param('questionId') questionId: string,
    @Body() body: SaveAnswerDto,
  ): Promise<AnswerSaved> {
    return this.attempts.saveAnswer(id, questionId, body.response, body.seq);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Param('id') id: string): Promise<AttemptView> {
    return this.attempts.submit(id);
  }
}
