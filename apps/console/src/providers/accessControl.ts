import type { Role } from '@cascade/contracts';

/** Actions react-admin asks about (list, show, create, edit, delete, …) plus the console's own (import, workflow steps). */
type Grants = Record<string, readonly string[]>;

const READ = ['list', 'show'] as const;
const PLAN_TRAINER_ACTIONS = ['submit', 'start', 'complete', 'cancel'] as const;
const PLAN_MANAGER_ACTIONS = ['confirm', 'return'] as const;
/** `attendance` covers the check-in screen and the sheet, `enroll` adding and removing trainees. */
const SESSION_TRAINER_ACTIONS = ['cancel', 'enroll', 'attendance'] as const;
const ISSUE_HANDLING = ['edit', 'handle'] as const;

/**
 * What each role may do in the console; the API enforces the same rules, this only decides
 * what to show. A user holding several roles gets the union. Trainees see their own sessions
 * (through "My sessions", not the sessions resource list) and report training problems.
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
    'training-issues': [...READ, 'create', ...ISSUE_HANDLING],
  },
  manager: {
    organizations: READ,
    departments: [...READ, 'create', 'edit', 'delete'],
    users: READ,
    'training-plans': [...READ, ...PLAN_MANAGER_ACTIONS],
    sessions: READ,
    'training-issues': [...READ, 'create'],
  },
  trainer: {
    organizations: READ,
    users: READ,
    'training-plans': [...READ, 'create', 'edit', ...PLAN_TRAINER_ACTIONS],
    sessions: [...READ, 'create', 'edit', ...SESSION_TRAINER_ACTIONS],
    'training-issues': [...READ, 'create', ...ISSUE_HANDLING],
  },
  trainee: {
    sessions: ['show', 'mine', 'respond', 'check-in'],
    'training-issues': ['create', 'show'],
  },
};

export function canAccess(roles: readonly Role[], resource: string, action: string): boolean {
  return roles.some((role) => GRANTS[role]?.[resource]?.includes(action) ?? false);
}
