import {
  ATTENDANCE_STATUSES,
  AUDIT_ACTIONS,
  ATTITUDES,
  ENROLLMENT_STATUSES,
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  LOCALES,
  ORGANIZATION_KINDS,
  PLAN_STATUSES,
  PLAN_TARGET_KINDS,
  ROLES,
  SESSION_STATUSES,
  SIGN_IN_METHODS,
  TRAINER_ROLES,
} from '@cascade/contracts';

// Choice names are translation keys; react-admin inputs and fields translate them.
export const roleChoices = ROLES.map((id) => ({ id, name: `cascade.roles.${id}` }));
export const organizationKindChoices = ORGANIZATION_KINDS.map((id) => ({ id, name: `cascade.kinds.${id}` }));
export const attitudeChoices = ATTITUDES.map((id) => ({ id, name: `cascade.attitudes.${id}` }));
export const localeChoices = LOCALES.map((id) => ({ id, name: `cascade.locales.${id}` }));
export const auditActionChoices = AUDIT_ACTIONS.map((id) => ({
  id,
  name: `cascade.audit.action.${id}`,
}));
export const planStatusChoices = PLAN_STATUSES.map((id) => ({ id, name: `cascade.plan_status.${id}` }));
export const signInMethodChoices = SIGN_IN_METHODS.map((id) => ({ id, name: `cascade.sign_in_method.${id}` }));
export const targetKindChoices = PLAN_TARGET_KINDS.map((id) => ({ id, name: `cascade.target_kind.${id}` }));
export const sessionStatusChoices = SESSION_STATUSES.map((id) => ({ id, name: `cascade.session_status.${id}` }));
export const trainerRoleChoices = TRAINER_ROLES.map((id) => ({ id, name: `cascade.trainer_role.${id}` }));
export const enrollmentStatusChoices = ENROLLMENT_STATUSES.map((id) => ({
  id,
  name: `cascade.enrollment_status.${id}`,
}));
export const attendanceStatusChoices = ATTENDANCE_STATUSES.map((id) => ({
  id,
  name: `cascade.attendance_status.${id}`,
}));
export const issueCategoryChoices = ISSUE_CATEGORIES.map((id) => ({ id, name: `cascade.issue_category.${id}` }));
export const issueSeverityChoices = ISSUE_SEVERITIES.map((id) => ({ id, name: `cascade.issue_severity.${id}` }));
export const issueStatusChoices = ISSUE_STATUSES.map((id) => ({ id, name: `cascade.issue_status.${id}` }));
/** For filters on boolean columns; query strings carry booleans as text. */
export const yesNoChoices = [
  { id: 'true', name: 'cascade.boolean.yes' },
  { id: 'false', name: 'cascade.boolean.no' },
];

/** Reference inputs list their options alphabetically (react-admin's default is id DESC). */
export const BY_NAME = { field: 'name', order: 'ASC' } as const;
export const BY_TITLE = { field: 'title', order: 'ASC' } as const;
