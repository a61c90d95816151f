export const ROLES = ['admin', 'trainer', 'manager', 'trainee'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['vendor', 'client'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ATTITUDES = ['supportive', 'wait_and_see', 'resistant'] as const;
export type Attitude = (typeof ATTITUDES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface OrganizationView {
  id: string;
  name: string;
  kind: OrganizationKind;
  industry: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DepartmentView {
  id: string;
  organizationId: string;
  parentId: string | null;
  name: string;
  managerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserView {
  id: string;
  organizationId: string;
  departmentId: string | null;
  email: string;
  name: string;
  /** Granted by an admin. A client user is never granted `trainer`: they train while qualified. */
  roles: Role[];
  /** As they apply now: `roles`, with `trainer` for a client user holding a valid qualification. */
  effectiveRoles: Role[];
  isKeyUser: boolean;
  /** A client user granted authoring of their organization's question bank. */
  bankAuthor: boolean;
  attitude: Attitude | null;
  locale: Locale;
  active: boolean;
  /** Client organizations a vendor trainer serves. */
  assignedOrganizationIds: string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Header that `POST /api/auth/refresh` and `/api/auth/logout` require (any value; the console
 * sends `console`). A cross-site form cannot send it and a cross-site script cannot without a
 * CORS preflight the api never grants, so the refresh cookie alone does not suffice.
 */
export const CLIENT_HEADER = 'X-Cascade-Client';

/** Sign-in's answer. The refresh token travels only in an httpOnly cookie, never in a body. */
export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserView;
}

export interface UserImportRowError {
  row: number;
  field: string | null;
  message: string;
}

export interface UserImportResult {
  created: number;
  users: UserView[];
}
