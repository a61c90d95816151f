export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
  'ordering',
  'matching',
  'essay',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_STATUSES = ['draft', 'active', 'retired'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const MULTIPLE_CHOICE_SCORINGS = ['all_or_nothing', 'partial'] as const;
export type MultipleChoiceScoring = (typeof MULTIPLE_CHOICE_SCORINGS)[number];

/** An option, an item to order, or one side of a matching pair. */
export interface LabelledItem {
  id: string;
  text: string;
}

export interface MatchingPair {
  left: string;
  right: string;
}

export interface RubricCriterion {
  criterion: string;
  points: number;
}

/** Per type: what trainees see, the answer key (staff only) and a trainee's answer. */
export interface QuestionShapes {
  single_choice: { content: { options: LabelledItem[] }; key: { correct: string }; response: string };
  multiple_choice: {
    content: { options: LabelledItem[] };
    key: { correct: string[]; scoring: MultipleChoiceScoring };
    response: string[];
  };
  true_false: { content: Record<string, never>; key: { correct: boolean }; response: boolean };
  fill_in: {
    content: { blanks: number };
    /** One list of accepted answers per blank. */
    key: { accepted: string[][]; ignoreCase: boolean; ignoreSpaces: boolean };
    response: string[];
  };
  ordering: { content: { items: LabelledItem[] }; key: { order: string[] }; response: string[] };
  matching: {
    content: { left: LabelledItem[]; right: LabelledItem[] };
    key: { pairs: MatchingPair[] };
    response: MatchingPair[];
  };
  essay: { content: { maxWords?: number }; key: { rubric: RubricCriterion[] }; response: string };
}

export type QuestionContent<T extends QuestionType = QuestionType> = QuestionShapes[T]['content'];
export type QuestionKey<T extends QuestionType = QuestionType> = QuestionShapes[T]['key'];
export type QuestionResponse<T extends QuestionType = QuestionType> = QuestionShapes[T]['response'];

export type TypedQuestionBody = {
  [T in QuestionType]: { type: T; content: QuestionContent<T>; key: QuestionKey<T> };
}[QuestionType];

/** The scenario as frozen into a question version. */
export interface ScenarioSnapshot {
  id: string;
  title: string;
  narrative: string;
  /** File ids, downloadable at GET /api/files/:id. */
  attachments: string[];
}

export interface ScenarioView {
  id: string;
  organizationId: string;
  title: string;
  narrative: string;
  attachments: string[];
  businessProcess: string | null;
  /** Questions that use this scenario; it can be deleted only at 0. */
  questionCount: number;
  copiedFromId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

interface QuestionViewFields {
  id: string;
  organizationId: string;
  businessProcess: string;
  difficulty: number;
  points: number;
  scenarioId: string | null;
  tags: string[];
  status: QuestionStatus;
  stem: string;
  /** Current version; attempts keep the version they were given. */
  version: number;
  copiedFromId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type QuestionView = QuestionViewFields & TypedQuestionBody;

export type QuestionVersionView = {
  id: string;
  questionId: string;
  version: number;
  stem: string;
  points: number;
  scenario: ScenarioSnapshot | null;
  /** When an attempt first used this version; a used version never changes again. */
  usedAt: string | null;
  createdAt: string;
} & TypedQuestionBody;

/** What a trainee may see of a question: never the answer key. */
export type TraineeQuestionView = {
  [T in QuestionType]: {
    questionId: string;
    version: number;
    type: T;
    stem: string;
    content: QuestionContent<T>;
    points: number;
    scenario: { title: string; narrative: string; attachments: string[] } | null;
  };
}[QuestionType];

export interface GradeResult {
  score: number;
  maxScore: number;
  correct: boolean;
}

export interface QuestionImportRowError {
  row: number;
  field: string | null;
  message: string;
}

export interface QuestionImportResult {
  created: number;
  questions: QuestionView[];
}

export interface QuestionCopyResult {
  created: number;
  /** Scenarios copied along with the questions (a scenario copied before is reused). */
  scenariosCreated: number;
  questions: QuestionView[];
}
