export const EXAM_KINDS = ['pre_test', 'post_test', 'certification', 'practice'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];

export const RESULT_VISIBILITIES = ['immediately', 'after_close', 'never'] as const;
export type ResultVisibility = (typeof RESULT_VISIBILITIES)[number];

/** Draw `count` active questions of one business process at one difficulty. */
export interface BlueprintRow {
  businessProcess: string;
  difficulty: number;
  count: number;
  /** Points per drawn question; each question's own points when absent. */
  points: number | null;
}

export interface ExamAssignees {
  /** Everyone the linked plan targets or schedules. */
  planTrainees: boolean;
  /** Everyone enrolled in the linked session. */
  sessionEnrollees: boolean;
  userIds: string[];
}

export interface ExamView {
  id: string;
  organizationId: string;
  planId: string | null;
  sessionId: string | null;
  title: string;
  kind: ExamKind;
  /** A fixed list of questions, or null when the exam draws by blueprint. */
  questionIds: string[] | null;
  blueprint: BlueprintRow[] | null;
  timeLimitMinutes: number;
  opensAt: string;
  closesAt: string;
  passPercent: number;
  attemptsAllowed: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showResults: ResultVisibility;
  assignees: ExamAssignees;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BlueprintCellCheck extends BlueprintRow {
  available: number;
  sufficient: boolean;
}

export interface BlueprintCheckView {
  examId: string;
  sufficient: boolean;
  cells: BlueprintCellCheck[];
}

export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'graded', 'needs_review', 'finalized'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export interface AttemptItemView {
  position: number;
  /** What the trainee sees of the question: never its answer key. */
  question: import('./questions').TraineeQuestionView;
  response: unknown;
  /** The sequence number of the stored answer; a save with a lower one is ignored. */
  seq: number;
  savedAt: string | null;
}

export interface AttemptView {
  id: string;
  examId: string;
  userId: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  /** Set once final: nothing waits for a trainer. */
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
  /** The server's clock when this answer was made, so a phone can correct its own. */
  serverNow: string;
  items: AttemptItemView[];
}

export interface AnswerSaved {
  questionId: string;
  seq: number;
  /** False when a newer answer was already stored and this one was ignored. */
  applied: boolean;
}
