export const FEEDBACK_ITEM_TYPES = ['likert_5', 'nps_0_10', 'single_choice', 'free_text'] as const;
export type FeedbackItemType = (typeof FEEDBACK_ITEM_TYPES)[number];

/** What an item asks about: each of the session's trainers, the session, or the content. */
export const FEEDBACK_SUBJECTS = ['trainer', 'session', 'content'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

export interface FeedbackItem {
  /** Stable within the form, so answers and summaries refer to it. */
  id: string;
  type: FeedbackItemType;
  about: FeedbackSubject;
  text: string;
  /** single_choice only. */
  options: string[] | null;
  required: boolean;
}

export interface FeedbackFormView {
  id: string;
  organizationId: string;
  title: string;
  description: string | null;
  anonymous: boolean;
  items: FeedbackItem[];
  /** Responses given with this form; items cannot change once there are any. */
  responseCount: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One answer: a number for likert_5 (1–5) and nps_0_10 (0–10), an option for single_choice, text for free_text. */
export interface FeedbackAnswerInput {
  itemId: string;
  /** For trainer items: which of the session's trainers it is about. */
  trainerId?: string;
  value: number | string;
}

export interface FeedbackRequestView {
  id: string;
  sessionId: string;
  sessionTitle: string;
  sessionEndedAt: string;
  form: FeedbackFormView;
  /** The session's trainers, for the trainer items. */
  trainers: { id: string; name: string }[];
  requestedAt: string;
  respondedAt: string | null;
  remindersSent: number;
}

export interface FeedbackItemSummary {
  itemId: string;
  type: FeedbackItemType;
  about: FeedbackSubject;
  text: string;
  /** For trainer items, one summary per trainer; null otherwise. */
  trainerId: string | null;
  trainerName: string | null;
  responses: number;
  /** likert_5 and nps_0_10. */
  mean: number | null;
  /** Count per value (likert 1–5, NPS 0–10) or per option. */
  distribution: { value: string; count: number }[];
  /** nps_0_10: % promoters (9–10) minus % detractors (0–6). */
  nps: number | null;
  /** free_text, newest first. */
  comments: string[];
}

export interface FeedbackSummaryView {
  sessionId: string;
  formId: string | null;
  anonymous: boolean;
  responses: number;
  attendees: number;
  /** True while an anonymous form has fewer than 3 counted responses (they count in batches of at least 3): nothing is shown. */
  withheld: boolean;
  items: FeedbackItemSummary[];
}

export interface TrainerFeedbackView {
  trainerId: string;
  trainerName: string;
  /** The mean of every likert_5 trainer item, over all sessions shown. */
  overallMean: number | null;
  responses: number;
  /** Per month, oldest first. */
  overTime: { month: string; mean: number | null; responses: number }[];
  /** Per plan module (business process), best first. */
  perModule: {
    moduleId: string;
    moduleTitle: string;
    businessProcess: string;
    mean: number | null;
    responses: number;
  }[];
  nps: number | null;
  comments: { sessionId: string; text: string; at: string }[];
}
