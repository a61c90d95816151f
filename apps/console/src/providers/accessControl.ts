import type { Role } from '@cascade/contracts';

/** Actions react-admin asks about (list, show, create, edit, delete, …) plus the console's own (import, workflow steps). */
type Grants = Record<string, readonly string[]>;

const READ = ['list', 'show'] as const;
const PLAN_TRAINER_ACTIONS = ['submit', 'start', 'complete', 'cancel'] as const;
const PLAN_MANAGER_ACTIONS = ['confirm', 'return', 'cancel'] as const;
/**
 * Session actions beyond CRUD: `check-in` opens the rotating-code screen, `attendance` reads the
 * sheet, `mark` marks attendance, `enroll` adds and removes trainees, `mine` is a trainee's own list.
 */
const SESSION_TRAINER_ACTIONS = ['cancel', 'check-in', 'attendance', 'mark', 'enroll'] as const;
const SESSION_MANAGER_ACTIONS = ['attendance', 'enroll'] as const;
/** `handle`: the problem workflow (start, resolve, reject, defer, reopen). */
const ISSUE_HANDLING = ['create', 'edit', 'handle'] as const;
/** The bank is written by admins and trainers; `import` is the spreadsheet import. */
const BANK_AUTHORING = [...READ, 'create', 'edit', 'import'] as const;
/** `grade` is the manual grading queue; `mine` is a trainee's own exams. */
const EXAM_AUTHORING = [...READ, 'create', 'edit', 'grade'] as const;

/**
 * What each role may do in the console; the API enforces the same rules, this only decides
 * what to show. A user holding several roles gets the union. Trainees see their own sessions
 * (through "My sessions", not the sessions list) and the training problems they reported.
 * Organizations and users are never deleted (users are deactivated).
 */
const GRANTS: Record<Role, Grants> = {
  admin: {
    organizations: [...READ, 'create', 'edit'],
    departments: [...READ, 'create', 'edit', 'delete'],
    users: [...READ, 'create', 'edit', 'import'],
    'audit-entries': READ,
    'training-plans': [...READ, 'create', 'edit', ...PLAN_TRAINER_ACTIONS, ...PLAN_MANAGER_ACTIONS],
    sessions: [...READ, 'create', 'edit', ...SESSION_TRAINER_ACTIONS],
    'training-issues': [...READ, ...ISSUE_HANDLING],
    questions: BANK_AUTHORING,
    scenarios: [...BANK_AUTHORING, 'delete'],
    exams: EXAM_AUTHORING,
  },
  manager: {
    organizations: READ,
    departments: [...READ, 'create', 'edit', 'delete'],
    users: READ,
    'training-plans': [...READ, ...PLAN_MANAGER_ACTIONS],
    sessions: [...READ, ...SESSION_MANAGER_ACTIONS],
    'training-issues': [...READ, ...ISSUE_HANDLING],
    questions: READ,
    scenarios: READ,
    exams: READ,
  },
  trainer: {
    organizations: READ,
    users: READ,
    'training-plans': [...READ, 'create', 'edit', ...PLAN_TRAINER_ACTIONS],
    sessions: [...READ, 'create', 'edit', ...SESSION_TRAINER_ACTIONS],
    'training-issues': [...READ, ...ISSUE_HANDLING],
    questions: BANK_AUTHORING,
    scenarios: [...BANK_AUTHORING, 'delete'],
    exams: EXAM_AUTHORING,
  },
  trainee: {
    sessions: ['show', 'mine'],
    'training-issues': [...READ, 'create'],
    exams: ['mine'],
  },
};

export function canAccess(roles: readonly Role[], resource: string, action: string): boolean {
  return roles.some((role) => GRANTS[role]?.[resource]?.includes(action) ?? false);
}
