/** Fields of an `application/problem+json` answer (RFC 9457). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable machine-readable code of a domain error, e.g. `PLAN_NOT_CONFIRMABLE`. */
  code?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Error codes of training sessions (scheduling, staffing, sign-in), with the HTTP status each
 * answers with. The console words the staffing ones under `cascade.session_problems.<CODE>`.
 */
export const SESSION_PROBLEMS = {
  SESSION_CANCELLED: 409,
  SESSION_TIMES_INVALID: 422,
  CAPACITY_EXCEEDED: 409,
  TRAINER_CLASH: 409,
  LOCATION_CLASH: 409,
  TRAINEE_CLASH: 409,
  LEAD_NOT_QUALIFIED: 409,
  /** Only the lead, a vendor trainer serving the client or an admin changes who trains a session. */
  STAFFING_FORBIDDEN: 403,
  /** A trainer named for a session is enrolled in it (field `trainers`). */
  TRAINER_IS_ENROLLED: 422,
  /** Someone enrolled, or checking in, trains the session (field `userIds` or `userId`). */
  ENROLLEE_IS_TRAINER: 422,
  /** Nobody marks their own attendance. */
  OWN_ATTENDANCE: 403,
  CHECK_IN_CLOSED: 409,
  CHECK_IN_CODE_INVALID: 422,
  /** Too many wrong codes in total: the person's code entry is closed until a trainer reopens it. */
  CHECK_IN_LOCKED: 403,
} as const;
export type SessionProblemCode = keyof typeof SESSION_PROBLEMS;

/**
 * Error codes of sitting an exam, with the HTTP status each answers with. The console
 * translates them under `cascade.problems.<CODE>`.
 */
export const EXAM_PROBLEMS = {
  /** Only the people an exam is assigned to (by name, its session or its plan) start an attempt, whatever their roles. */
  EXAM_NOT_ASSIGNED: 403,
  /** Outside the person's own window (`opensAt`, `closesAt`). */
  EXAM_CLOSED: 409,
  /** Every attempt allowed is used (`attemptsAllowed`). */
  NO_ATTEMPTS_LEFT: 409,
  ATTEMPT_SUBMITTED: 409,
  /** The answer came after the deadline and its grace (`deadlineAt`). */
  DEADLINE_PASSED: 409,
  /** Field `questionId`. */
  QUESTION_NOT_IN_ATTEMPT: 422,
} as const;
export type ExamProblemCode = keyof typeof EXAM_PROBLEMS;

/** Error codes of people and their organizations, with the HTTP status each answers with. */
export const IDENTITY_PROBLEMS = {
  EMAIL_TAKEN: 409,
  /** A reference to a department or organization that does not fit (field named). */
  REFERENCE_INVALID: 422,
  /** A client user is granted `trainer` (field `roles`): they train while a qualification is valid. */
  ROLE_NOT_GRANTABLE: 422,
} as const;
export type IdentityProblemCode = keyof typeof IDENTITY_PROBLEMS;

/** Error codes of uploads, with the HTTP status each answers with. */
export const FILE_PROBLEMS = {
  /** The content (not the name or the claimed type) is none of the accepted kinds (field `file`). */
  FILE_TYPE_NOT_ALLOWED: 415,
} as const;
export type FileProblemCode = keyof typeof FILE_PROBLEMS;

/** Error codes of passwords and their one-time links, with the HTTP status each answers with. */
export const PASSWORD_PROBLEMS = {
  /** Shorter than PASSWORD_MIN_LENGTH (field `newPassword` or `password`). */
  PASSWORD_TOO_SHORT: 422,
  /** Too easy to guess: a strength score below PASSWORD_MIN_SCORE (field `newPassword` or `password`). */
  PASSWORD_TOO_WEAK: 422,
  /** The current password given to change it is wrong (field `currentPassword`). */
  PASSWORD_CURRENT_WRONG: 422,
  /** A reset or invitation link that is unknown, used or expired (field `token`). */
  PASSWORD_TOKEN_INVALID: 422,
} as const;
export type PasswordProblemCode = keyof typeof PASSWORD_PROBLEMS;

/** Error codes of spreadsheet imports (users, questions), with the HTTP status each answers with. */
export const IMPORT_PROBLEMS = {
  /** Unreadable file or bad rows; nothing was imported. The answer lists each problem in `rows`. */
  IMPORT_INVALID: 422,
  /** An XLSX whose parts unpack past the import limit, refused before inflating (field `file`). */
  IMPORT_FILE_TOO_LARGE: 413,
  /** More data rows than one import takes (field `file`); nothing was read past the limit. */
  IMPORT_TOO_MANY_ROWS: 422,
} as const;
export type ImportProblemCode = keyof typeof IMPORT_PROBLEMS;
