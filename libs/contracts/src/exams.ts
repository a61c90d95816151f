export const EXAM_KINDS = ['pre_test', 'post_test', 'certification', 'practice'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];

export const RESULT_VISIBILITIES = ['immediately', 'after_close', 'never'] as const;
export type ResultVisibility = (typeof RESULT_VISIBILITIES)[number];

/**
 * What a trainee may review after an attempt besides the score: `score_only` never the answers;
 * `after_close` the answers once their own window has closed; `no_attempt_left` once they have
 * no attempt left and every one is final. Answers are never shown while another attempt is possible.
 */
export const REVIEW_MODES = ['score_only', 'after_close', 'no_attempt_left'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

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
  reviewMode: ReviewMode;
  assignees: ExamAssignees;
  overrides: ExamOverride[];
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
  /** Present only when the reader may review the answers now (see `AttemptView.answersVisible`). */
  result?: AttemptItemResult;
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
  /** False while the exam keeps results from the trainee (score fields are then null). */
  resultsVisible: boolean;
  /**
   * Whether each answer's marks and the keys come with it (`items[].result`): for the trainee,
   * as the exam's review mode allows and never while another attempt is possible for them.
   */
  answersVisible: boolean;
  reviewMode: ReviewMode;
  examTitle: string;
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

/** One person's own window or extra time: an accommodation or a make-up sitting. */
export interface ExamOverride {
  userId: string;
  /** Added to the time limit. */
  extraMinutes: number;
  /** Replace the exam's window for this person; null keeps the exam's. */
  opensAt: string | null;
  closesAt: string | null;
}

/** An exam as one assigned person sees it in their list, with their own standing. */
export interface MyExamView {
  exam: ExamView;
  /** This person's window (an override may move it). */
  opensAt: string;
  closesAt: string;
  attemptsUsed: number;
  /** The open attempt to resume, if any. */
  openAttemptId: string | null;
  /** The most recent finished attempt, with its result when the exam shows results. */
  lastAttempt: {
    id: string;
    status: AttemptStatus;
    submittedAt: string | null;
    percent: number | null;
    passed: boolean | null;
  } | null;
  canStart: boolean;
}

/** A graded item as the trainee may see it once the exam shows results (and, if allowed, answers). */
export interface AttemptItemResult {
  score: number | null;
  comment: string | null;
  /** The answer key, only when the exam shows answers now and the reader may read keys. */
  key: unknown;
}

/** An essay answer that waits for a trainer. */
export interface PendingGradingItem {
  attemptId: string;
  examId: string;
  examTitle: string;
  organizationId: string;
  userId: string;
  userName: string;
  questionId: string;
  position: number;
  stem: string;
  scenario: { title: string; narrative: string } | null;
  rubric: import('./questions').RubricCriterion[];
  maxWords: number | null;
  points: number;
  response: string | null;
  submittedAt: string;
}

export interface CriterionScore {
  /** Index into the question's rubric. */
  criterion: number;
  score: number;
}

export interface ItemGradeView {
  attemptId: string;
  questionId: string;
  score: number;
  comment: string | null;
  criteria: CriterionScore[];
  gradedBy: string;
  gradedAt: string;
  /** The attempt's status after this grade: finalized when it was the last one pending. */
  attemptStatus: AttemptStatus;
}

/** A key correction regraded the attempts that used the corrected version. */
export interface RegradeReport {
  questionId: string;
  questionVersionId: string;
  attempts: {
    attemptId: string;
    userId: string;
    scoreBefore: number | null;
    scoreAfter: number | null;
    percentBefore: number | null;
    percentAfter: number | null;
    passedBefore: boolean | null;
    passedAfter: boolean | null;
  }[];
  regradedAt: string;
}

export interface ExamResultRow {
  attemptId: string;
  userId: string;
  userName: string;
  username: string;
  department: string | null;
  number: number;
  status: AttemptStatus;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  passed: boolean | null;
  startedAt: string;
  submittedAt: string | null;
  /** From start to hand-in. */
  timeTakenSeconds: number | null;
}

export interface ExamResultsView {
  examId: string;
  title: string;
  passPercent: number;
  assigned: number;
  attempted: number;
  finalized: number;
  passed: number;
  averagePercent: number | null;
  /** Each person's best finalised attempt first; every attempt is listed. */
  rows: ExamResultRow[];
}

export type DifficultyFlag = 'easier_than_labelled' | 'harder_than_labelled' | null;

export interface ItemAnalysisRow {
  questionId: string;
  stem: string;
  type: import('./questions').QuestionType;
  businessProcess: string;
  difficulty: number;
  /** How many finalised attempts answered it. */
  responses: number;
  /** Share of full marks (mean score / points), 0..1. */
  facility: number | null;
  /** Facility in the top 27% of total scores minus that in the bottom 27%, -1..1. */
  discrimination: number | null;
  /** The facility range the labelled difficulty expects. */
  expectedFacility: { min: number; max: number };
  flag: DifficultyFlag;
}

export interface ItemAnalysisView {
  examId: string;
  attempts: number;
  meanPercent: number | null;
  /** KR-20 when every item is scored right or wrong, Cronbach's alpha otherwise; null below 2 attempts. */
  reliability: { method: 'kr20' | 'alpha'; value: number | null };
  /** Ten buckets of percent: 0–10, 10–20, … 90–100. */
  distribution: { from: number; to: number; count: number }[];
  items: ItemAnalysisRow[];
}

export interface LearningGainView {
  planId: string;
  preTestId: string | null;
  postTestId: string | null;
  /** Per trainee: best finalised pre and post percent; normalised gain = (post - pre) / (100 - pre). */
  trainees: {
    userId: string;
    userName: string;
    prePercent: number | null;
    postPercent: number | null;
    gain: number | null;
    normalizedGain: number | null;
  }[];
  /** Per business process, over the trainees who sat both. */
  processes: { businessProcess: string; prePercent: number | null; postPercent: number | null; gain: number | null }[];
  averageGain: number | null;
}

/** A corrected answer key of a version attempts already used; their regrade runs on the queue. */
export interface KeyCorrectionView {
  id: string;
  questionId: string;
  questionVersionId: string;
  version: number;
  reason: string;
  correctedBy: string | null;
  correctedAt: string;
  status: 'queued' | 'done';
  report: RegradeReport | null;
}

export const FOLLOW_UP_RECIPIENTS = ['trainers', 'department_managers'] as const;
export type FollowUpRecipient = (typeof FOLLOW_UP_RECIPIENTS)[number];

/** `GET/PUT /api/organizations/:id/recognition-policy`: how a client's results are fed back. */
export interface RecognitionPolicyView {
  organizationId: string;
  /** Percent at or above which a trainee counts as excellent. */
  excellentThreshold: number;
  /** Whether digests name the excellent (otherwise only counted). */
  nameExcellent: boolean;
  /** Whether digests name the most improved (pre-test to post-test). */
  nameMostImproved: boolean;
  /** Who receives the private follow-up list of who failed or was absent. */
  followUpRecipients: FollowUpRecipient[];
  updatedAt: string | null;
}

/** The results of an exam sent back: each trainee their own, each department's manager a digest. */
export interface ResultsReleaseView {
  examId: string;
  releasedAt: string;
  releasedBy: string | null;
  /** 'close' when released by the exam closing, 'trainer' when released by hand. */
  trigger: 'close' | 'trainer';
  trainees: number;
  departments: number;
}

/** One department's digest, as its manager reads it. */
export interface DepartmentDigestView {
  examId: string;
  examTitle: string;
  departmentId: string | null;
  departmentName: string;
  assigned: number;
  participated: number;
  passed: number;
  passRate: number | null;
  averagePercent: number | null;
  excellent: { userId: string; name: string; percent: number }[];
  /** Counted only, when the policy does not name them. */
  excellentCount: number;
  mostImproved: { userId: string; name: string; gain: number }[];
  /** Everyone else, as counts only. */
  othersCount: number;
}

/** Private: only the trainers and the department's manager, as the policy says. */
export interface FollowUpListView {
  examId: string;
  departmentId: string | null;
  departmentName: string;
  failed: { userId: string; name: string; percent: number }[];
  absent: { userId: string; name: string }[];
}
