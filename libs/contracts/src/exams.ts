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
