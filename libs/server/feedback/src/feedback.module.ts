import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cascade/server/identity';
import { NotificationsModule } from '@cascade/server/notifications';
import { PlansModule } from '@cascade/server/plans';
import { SessionsModule } from '@cascade/server/sessions';
import { FeedbackBatch } from './feedback-batch.entity';
import { FeedbackFormChoice, FeedbackRound } from './feedback-form-choice.entity';
import { FeedbackForm } from './feedback-form.entity';
import { FeedbackFormsRepository, FeedbackFormsService } from './feedback-forms.service';
import { FeedbackRequest } from './feedback-request.entity';
import { FeedbackAnswer, FeedbackResponse } from './feedback-response.entity';
import { FeedbackSummaryService } from './feedback-summary.service';
import { FeedbackService } from './feedback.service';

export const FEEDBACK_ENTITIES = [
  FeedbackForm,
  FeedbackFormChoice,
  FeedbackRound,
  FeedbackRequest,
  FeedbackBatch,
  FeedbackResponse,
  FeedbackAnswer,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(FEEDBACK_ENTITIES),
    IdentityModule,
    PlansModule,
    SessionsModule,
    NotificationsModule,
  ],
  providers: [FeedbackFormsRepository, FeedbackFormsService, FeedbackService, FeedbackSummaryService],
  exports: [FeedbackFormsService, FeedbackService, FeedbackSummaryService],
})
export class FeedbackModule {}
