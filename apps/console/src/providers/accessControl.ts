import type { Role } from '@cascade/contracts';

/** Actions react-admin asks about (list, show, create, edit, delete, …) plus the console's own (import, workflow steps). */
type Grants = Record<string, readonly string[]>;

const READ = ['list', 'show'] as const;
const PLAN_TRAINER_ACTIONS = ['submit', 'start', 'complete', 'cancel', 'choose-form'] as const;
const PLAN_MANAGER_ACTIONS = ['confirm', 'return', 'cancel'] as const;
/**
 * Session actions beyond CRUD: `check-in` opens the rotating-code screen, `attendance` reads the
 * sheet, `mark` marks attendance, `enroll` adds and removes trainees, `mine` is a trainee's own list,
 * `feedback` reads the feedback summary, `choose-form` names the session's own feedback form.
 */
const SESSION_TRAINER_ACTIONS = [
  'cancel',
  'check-in',
  'attendance',
  'mark',
  'enroll',
  'feedback',
  'choose-form',
] as const;
const SESSION_MANAGER_ACTIONS = ['attendance', 'enroll', 'feedback'] as const;
/** `handle`: the problem workflow (start, resolve, reject, defer, reopen). */
const ISSUE_HANDLING = ['create', 'edit', 'handle'] as const;
/** The bank is written by admins and trainers; `import` is the spreadsheet import. */
const BANK_AUTHORING = [...READ, 'create', 'edit', 'import'] as const;
/** `grade` is the manual grading queue; `mine` is a trainee's own exams. */
const EXAM_AUTHORING = [...READ, 'create', 'edit', 'grade'] as const;
/** Feedback forms are written by admins and trainers, read by managers. */
const FORM_AUTHORING = [...READ, 'create', 'edit', 'delete'] as const;
/** `release` sends an exam's results back by hand; `digests` reads the department digests. */
const RESULTS_RELEASE = ['release', 'digests'] as const;
/** Tracks are written by admins and trainers; `nominate` adds a candidate and revokes; `teach-back` signs one off. */
const TRACK_AUTHORING = [...READ, 'create', 'edit', 'nominate', 'teach-back'] as const;
/** Webhooks of a client organization: its managers and the admins. */
const WEBHOOK_MANAGING = [...READ, 'create', 'edit', 'delete'] as const;

/**
 * What each role may do in the console; the API enforces the same rules, this only decides
 * what to show. A user holding several roles gets the union. Trainees see their own sessions
 * (through "My sessions", not the sessions list) and the training problems they reported.
 * Organizations and users are never deleted (users are deactivated).
 */
const GRANTS: Record<Role, Grants> = {
  admin: {
    organizations: [...READ, 'create', 'edit', 'recognition-policy', 'set-recognition-policy'],
    departments: [...READ, 'create', 'edit', 'delete'],
    users: [...READ, 'create', 'edit', 'import', 'trainer-feedback'],
    'audit-entries': READ,
    'training-plans': [...READ, 'create', 'edit', ...PLAN_TRAINER_ACTIONS, ...PLAN_MANAGER_ACTIONS],
    sessions: [...READ, 'create', 'edit', ...SESSION_TRAINER_ACTIONS],
    'training-issues': [...READ, ...ISSUE_HANDLING],
    questions: BANK_AUTHORING,
    scenarios: [...BANK_AUTHORING, 'delete'],
    exams: [...EXAM_AUTHORING, ...RESULTS_RELEASE],
    'feedback-forms': FORM_AUTHORING,
    webhooks: WEBHOOK_MANAGING,
    'qualification-tracks': TRACK_AUTHORING,
    cascade: READ,
  },
  manager: {
    organizations: [...READ, 'recognition-policy', 'set-recognition-policy'],
    departments: [...READ, 'create', 'edit', 'delete'],
    users: [...READ, 'trainer-feedback'],
    'training-plans': [...READ, ...PLAN_MANAGER_ACTIONS],
    sessions: [...READ, ...SESSION_MANAGER_ACTIONS],
    'training-issues': [...READ, ...ISSUE_HANDLING],
    questions: READ,
    scenarios: READ,
    exams: [...READ, 'digests'],
    'feedback-forms': READ,
    webhooks: WEBHOOK_MANAGING,
    'qualification-tracks': [...READ, 'nominate'],
    cascade: READ,
  },
  trainer: {
    organizations: [...READ, 'recognition-policy'],
    users: [...READ, 'trainer-feedback'],
    'training-plans': [...READ, 'create', 'edit', ...PLAN_TRAINER_ACTIONS],
    sessions: [...READ, 'create', 'edit', ...SESSION_TRAINER_ACTIONS],
    'training-issues': [...READ, ...ISSUE_HANDLING],
    questions: BANK_AUTHORING,
    scenarios: [...BANK_AUTHORING, 'delete'],
    exams: [...EXAM_AUTHORING, ...RESULTS_RELEASE],
    'feedback-forms': FORM_AUTHORING,
    'qualification-tracks': TRACK_AUTHORING,
    cascade: READ,
  },
  trainee: {
    sessions: ['show', 'mine'],
    'training-issues': [...READ, 'create'],
    exams: ['mine'],
    'feedback-requests': ['mine'],
  },
};

export function canAccess(roles: readonly Role[], resource: string, action: string): boolean {
  return roles.some((role) => GRANTS[role]?.[resource]?.includes(action) ?? false);
}
