import type { Role } from '@cascade/contracts';

/** Actions react-admin asks about (list, show, create, edit, delete, …) plus `import`. */
type Grants = Record<string, readonly string[]>;

const READ = ['list', 'show'] as const;

/**
 * What each role may do in the console; the API enforces the same rules, this only decides
 * what to show. A user holding several roles gets the union. Trainees see no resource,
 * only their inbox and profile. Organizations and users are never deleted (users are deactivated).
 */
const GRANTS: Record<Role, Grants> = {
  admin: {
    organizations: [...READ, 'create', 'edit'],
    departments: [...READ, 'create', 'edit', 'delete'],
    users: [...READ, 'create', 'edit', 'import'],
    'audit-entries': READ,
  },
  manager: {
    organizations: READ,
    departments: [...READ, 'create', 'edit', 'delete'],
    users: READ,
  },
  trainer: {
    organizations: READ,
    users: READ,
  },
  trainee: {},
};

export function canAccess(roles: readonly Role[], resource: string, action: string): boolean {
  return roles.some((role) => GRANTS[role]?.[resource]?.includes(action) ?? false);
}
