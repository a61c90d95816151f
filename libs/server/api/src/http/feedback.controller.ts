import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  FeedbackFormView,
  FeedbackRequestView,
  FeedbackSummaryView,
  ListResult,
  TrainerFeedbackView,
} from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import {
  CreateFeedbackFormDto,
  FeedbackFormListQuery,
  FeedbackFormsService,
  FeedbackService,
  FeedbackSummaryService,
  FormChoiceView,
  SubmitFeedbackDto,
  UpdateFeedbackFormDto,
} from '@cascade/server/feedback';
import { IsUUID, ValidateIf } from 'class-validator';

class ChooseFormDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null clears the choice' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  formId!: string | null;
}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('feedback-forms')
export class FeedbackFormsController {
  constructor(private readonly forms: FeedbackFormsService) {}

  @Can('read', 'FeedbackForm')
  @Get()
  list(@Query() query: FeedbackFormListQuery): Promise<ListResult<FeedbackFormView>> {
    return this.forms.list(query);
  }

  @Can('read', 'FeedbackForm')
  @Get(':id')
  get(@Param('id') id: string): Promise<FeedbackFormView> {
    return this.forms.get(id);
  }

  @Can('create', 'FeedbackForm')
  @Post()
  create(@Body() body: CreateFeedbackFormDto): Promise<FeedbackFormView> {
    return this.forms.create(body);
  }

  @Can('update', 'FeedbackForm')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateFeedbackFormDto): Promise<FeedbackFormView> {
    return this.forms.update(id, body);
  }

  @Can('delete', 'FeedbackForm')
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.forms.remove(id);
  }
}

/** Forms chosen for plans and sessions, answering, and the summaries. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly summaries: FeedbackSummaryService,
  ) {}

  @Can('read', 'FeedbackForm')
  @Get('training-plans/:id/feedback-form')
  planForm(@Param('id') id: string): Promise<FormChoiceView> {
    return this.feedback.planForm(id);
  }

  /** The plan's default form: sessions use it unless they name their own. */
  @Can('update', 'TrainingPlan')
  @Put('training-plans/:id/feedback-form')
  choosePlanForm(@Param('id') id: string, @Body() body: ChooseFormDto): Promise<FormChoiceView> {
    return this.feedback.choose('plan', id, body.formId);
  }

  @Can('read', 'FeedbackForm')
  @Get('sessions/:id/feedback-form')
  sessionForm(@Param('id') id: string): Promise<FormChoiceView> {
    return this.feedback.sessionForm(id);
  }

  @Can('update', 'Session')
  @Put('sessions/:id/feedback-form')
  chooseSessionForm(@Param('id') id: string, @Body() body: ChooseFormDto): Promise<FormChoiceView> {
    return this.feedback.choose('session', id, body.formId);
  }

  /** Only someone who attended; once per person and session. */
  @Post('sessions/:id/feedback')
  submit(@Param('id') id: string, @Body() body: SubmitFeedbackDto): Promise<{ sessionId: string; anonymous: boolean }> {
    return this.feedback.submit(id, body);
  }

  @Can('read', 'FeedbackSummary')
  @Get('sessions/:id/feedback-summary')
  sessionSummary(@Param('id') id: string): Promise<FeedbackSummaryView> {
    return this.summaries.forSession(id);
  }

  @Can('read', 'FeedbackSummary')
  @Get('users/:id/trainer-feedback')
  trainerFeedback(@Param('id') id: string): Promise<TrainerFeedbackView> {
    return this.summaries.forTrainer(id);
  }

  @Get('me/feedback-requests')
  myRequests(): Promise<FeedbackRequestView[]> {
    return this.feedback.myRequests();
  }
}
