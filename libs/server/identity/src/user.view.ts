import { DepartmentView, OrganizationView, UserView } from '@cascade/contracts';
import { Department } from './department.entity';
import type { UserViewFacts } from './identity.repositories';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/**
 * A user as others see them. `roles` are the ones an admin grants; `effectiveRoles` as they
 * apply now, with the trainer capability a client user holds while a qualification is valid.
 */
export function toUserView(
  user: User,
  { assignedOrganizationIds, qualified }: UserViewFacts = { assignedOrganizationIds: [], qualified: false },
): UserView {
  return {
    id: user.id,
    organizationId: user.organizationId,
    departmentId: user.departmentId,
    email: user.email,
    name: user.name,
    roles: user.roles,
    effectiveRoles: qualified && !user.roles.includes('trainer') ? [...user.roles, 'trainer'] : user.roles,
    isKeyUser: user.isKeyUser,
    bankAuthor: user.bankAuthor,
    attitude: user.attitude,
    locale: user.locale,
    active: user.active,
    assignedOrganizationIds,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function toOrganizationView(o: Organization): OrganizationView {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    industry: o.industry,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function toDepartmentView(d: Department): DepartmentView {
  return {
    id: d.id,
    organizationId: d.organizationId,
    parentId: d.parentId,
    name: d.name,
    managerId: d.managerId,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
