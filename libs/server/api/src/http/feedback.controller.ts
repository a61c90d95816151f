import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  FeedbackFormView,
  FeedbackRequestView,
  FeedbackSummaryView,
  ListResult,
  TrainerFeedbackView,
} from '@cascade/contracts';
import { Roles } from '@cascade/server/core';
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

  @Roles('admin', 'trainer', 'manager')
  @Get()
  list(@Query() query: FeedbackFormListQuery): Promise<ListResult<FeedbackFormView>> {
    return this.forms.list(query);
  }

  @Roles('admin', 'trainer', 'manager')
  @Get(':id')
  get(@Param('id') id: string): Promise<FeedbackFormView> {
    return this.forms.get(id);
  }

  @Roles('admin', 'trainer')
  @Post()
  create(@Body() body: CreateFeedbackFormDto): Promise<FeedbackFormView> {
    return this.forms.create(body);
  }

  @Roles('admin', 'trainer')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateFeedbackFormDto): Promise<FeedbackFormView> {
    return this.forms.update(id, body);
  }

  @Roles('admin', 'trainer')
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

  @Roles('admin', 'trainer', 'manager')
  @Get('training-plans/:id/feedback-form')
  planForm(@Param('id') id: string): Promise<FormChoiceView> {
    return this.feedback.planForm(id);
  }

  /** The plan's default form: sessions use it unless they name their own. */
  @Roles('admin', 'trainer')
  @Put('training-plans/:id/feedback-form')
  choosePlanForm(@Param('id') id: string, @Body() body: ChooseFormDto): Promise<FormChoiceView> {
    return this.feedback.choose('plan', id, body.formId);
  }

  @Roles('admin', 'trainer', 'manager')
  @Get('sessions/:id/feedback-form')
  sessionForm(@Param('id') id: string): Promise<FormChoiceView> {
    return this.feedback.sessionForm(id);
  }

  @Roles('admin', 'trainer')
  @Put('sessions/:id/feedback-form')
  chooseSessionForm(@Param('id') id: string, @Body() body: ChooseFormDto): Promise<FormChoiceView> {
    return this.feedback.choose('session', id, body.formId);
  }

  /** Only someone who attended; once per person and session. */
  @Post('sessions/:id/feedback')
  submit(@Param('id') id: string, @Body() body: SubmitFeedbackDto): Promise<{ sessionId: string; anonymous: boolean }> {
    return this.feedback.submit(id, body);
  }

  @Roles('admin', 'trainer', 'manager')
  @Get('sessions/:id/feedback-summary')
  sessionSummary(@Param('id') id: string): Promise<FeedbackSummaryView> {
    return this.summaries.forSession(id);
  }

  @Roles('admin', 'trainer', 'manager')
  @Get('users/:id/trainer-feedback')
  trainerFeedback(@Param('id') id: string): Promise<TrainerFeedbackView> {
    return this.summaries.forTrainer(id);
  }

  @Get('me/feedback-requests')
  myRequests(): Promise<FeedbackRequestView[]> {
    return this.feedback.myRequests();
  }
}
