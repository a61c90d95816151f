import type {
  FeedbackAnswerInput,
  FeedbackFormView,
  FeedbackRequestView,
  FeedbackSummaryView,
  TrainerFeedbackView,
} from '@cascade/contracts';
import { httpClient } from './httpClient';

const id = (value: string) => encodeURIComponent(value);

/**
 * The form a plan names by default, or a session's own. This answer shape lives only in the
 * server's feedback library so far, so the console spells it out here.
 */
export interface FormChoiceView {
  formId: string | null;
  /** For a session: true when the form is the plan's default. */
  inherited: boolean;
  form: FeedbackFormView | null;
}

export type FormChoiceTarget = 'training-plans' | 'sessions';

/** Feedback beyond the forms' CRUD: choosing forms, answering requests and the summaries. */
export const feedbackApi = {
  async formChoice(target: FormChoiceTarget, targetId: string): Promise<FormChoiceView> {
    return (await httpClient<FormChoiceView>(`/${target}/${id(targetId)}/feedback-form`)).json;
  },

  async chooseForm(target: FormChoiceTarget, targetId: string, formId: string | null): Promise<FormChoiceView> {
    return (
      await httpClient<FormChoiceView>(`/${target}/${id(targetId)}/feedback-form`, {
        method: 'PUT',
        json: { formId },
      })
    ).json;
  },

  async myRequests(): Promise<FeedbackRequestView[]> {
    return (await httpClient<FeedbackRequestView[]>('/me/feedback-requests')).json;
  },

  async submit(sessionId: string, formId: string, answers: FeedbackAnswerInput[]): Promise<void> {
    await httpClient(`/sessions/${id(sessionId)}/feedback`, { method: 'POST', json: { formId, answers } });
  },

  async sessionSummary(sessionId: string): Promise<FeedbackSummaryView> {
    return (await httpClient<FeedbackSummaryView>(`/sessions/${id(sessionId)}/feedback-summary`)).json;
  },

  async trainerFeedback(userId: string): Promise<TrainerFeedbackView> {
    return (await httpClient<TrainerFeedbackView>(`/users/${id(userId)}/trainer-feedback`)).json;
  },
};
