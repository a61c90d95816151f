import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ListSpec, ScopedRepository, ScopeRules, visibleOrganizationIds } from '@cascade/server/core';
import { EntityManager, In, Repository } from 'typeorm';
import { Department } from './department.entity';
import { Organization } from './organization.entity';
import { TrainerAssignment } from './trainer-assignment.entity';
import { User } from './user.entity';

@Injectable()
export class OrganizationsRepository extends ScopedRepository<Organization> {
  protected readonly alias = 'organization';
  protected readonly entityName = 'Organization';
  protected readonly scope: ScopeRules = { organizationColumn: 'id', organizationIsId: true };
  readonly listSpec: ListSpec = {
    sortable: { name: 'name', kind: 'kind', createdAt: 'createdAt', updatedAt: 'updatedAt' },
    defaultSort: 'name',
    searchable: ['name', 'industry'],
    filters: { kind: 'kind' },
  };

  constructor(@InjectRepository(Organization) repository: Repository<Organization>) {
    super(repository);
  }
}

@Injectable()
export class DepartmentsRepository extends ScopedRepository<Department> {
  protected readonly alias = 'department';
  protected readonly entityName = 'Department';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId' };
  readonly listSpec: ListSpec = {
    sortable: { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' },
    defaultSort: 'name',
    searchable: ['name'],
    filters: { organizationId: 'organizationId', parentId: 'parentId' },
  };

  constructor(@InjectRepository(Department) repository: Repository<Department>) {
    super(repository);
  }

  /** True when `ancestorId` is `departmentId` itself or one of its ancestors. */
  async isSelfOrAncestor(ancestorId: string, departmentId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id FROM department WHERE id = $1
         UNION ALL
         SELECT d.id, d.parent_id FROM department d JOIN chain c ON d.id = c.parent_id
       ) SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
      [departmentId, ancestorId],
    );
    return rows.length > 0;
  }

  async hasDependents(id: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM department WHERE parent_id = $1 UNION ALL SELECT 1 FROM app_user WHERE department_id = $1 LIMIT 1`,
      [id],
    );
    return rows.length > 0;
  }
}

export interface UserViewFacts {
  assignedOrganizationIds: string[];
  qualified: boolean;
}

@Injectable()
export class UsersRepository extends ScopedRepository<User> {
  protected readonly alias = 'user';
  protected readonly entityName = 'User';
  protected readonly scope: ScopeRules = {
    organizationColumn: 'organizationId',
    selfColumn: 'id',
    // A client knows the vendor trainers who serve it.
    alsoVisibleWhen: `EXISTS (SELECT 1 FROM trainer_assignment ta WHERE ta.trainer_id = {alias}.id AND ta.organization_id IN (:...visibleOrganizationIds))`,
  };
  readonly listSpec: ListSpec = {
    sortable: { name: 'name', email: 'email', createdAt: 'createdAt', updatedAt: 'updatedAt', isKeyUser: 'isKeyUser' },
    defaultSort: 'name',
    searchable: ['name', 'email'],
    filters: {
      organizationId: 'organizationId',
      departmentId: 'departmentId',
      isKeyUser: 'isKeyUser',
      active: 'active',
      role: (qb, value) => qb.andWhere(':role = ANY(user.roles)', { role: value }),
    },
  };

  constructor(
    @InjectRepository(User) repository: Repository<User>,
    @InjectRepository(TrainerAssignment) private readonly assignments: Repository<TrainerAssignment>,
  ) {
    super(repository);
  }

  /** Unscoped: login and token refresh happen before anyone is known. */
  findByEmailForLogin(email: string): Promise<User | null> {
    return this.repository.findOne({ where: { email: email.trim().toLowerCase() } });
  }

  /**
   * Of `ids`, the active users who may train in the client: the vendor trainers assigned to it,
   * and its own people while they hold a valid qualification (a client's trainer role follows
   * the qualification; see effectiveRoles).
   */
  async trainersFor(organizationId: string, ids: string[], manager?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.repository.manager).query(
      `SELECT u.id FROM app_user u
        WHERE u.id = ANY($2::uuid[]) AND u.active
          AND (('trainer' = ANY(u.roles)
                AND EXISTS (SELECT 1 FROM trainer_assignment ta WHERE ta.trainer_id = u.id AND ta.organization_id = $1))
               OR (u.organization_id = $1
                   AND EXISTS (SELECT 1 FROM qualification q
                                WHERE q.user_id = u.id AND q.status = 'qualified'
                                  AND (q.expires_at IS NULL OR q.expires_at > now()))))`,
      [organizationId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** The department a user belongs to (unscoped: callers have found a record about them already). */
  async departmentOf(userId: string, manager?: EntityManager): Promise<string | null> {
    const [row]: { department_id: string | null }[] = await (manager ?? this.repository.manager).query(
      `SELECT department_id FROM app_user WHERE id = $1`,
      [userId],
    );
    return row?.department_id ?? null;
  }

  /** Of `ids`, the active users who belong to the organization. */
  async membersOf(organizationId: string, ids: string[], manager?: EntityManager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await (manager ?? this.repository.manager).query(
      `SELECT id FROM app_user WHERE id = ANY($2::uuid[]) AND organization_id = $1 AND active`,
      [organizationId, ids],
    );
    return rows.map((r) => r.id);
  }

  async namesOf(
    ids: string[],
    manager?: EntityManager,
  ): Promise<Map<string, { name: string; departmentName: string | null; email: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string; email: string; department_name: string | null }[] = await (
      manager ?? this.repository.manager
    ).query(
      `SELECT u.id, u.name, u.email, d.name AS department_name FROM app_user u LEFT JOIN department d ON d.id = u.department_id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email, departmentName: r.department_name }]));
  }

  async emailsTaken(emails: string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows = await this.repository.find({ select: { email: true }, where: { email: In(emails) } });
    return rows.map((row) => row.email);
  }

  /** Each trainer's clients, limited to the clients the current actor may know of. */
  async assignedOrganizationIds(userIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const visible = visibleOrganizationIds();
    const repository = manager ? manager.getRepository(TrainerAssignment) : this.assignments;
    const rows = await repository.find({
      where: { trainerId: In(userIds), ...(visible ? { organizationId: In(visible) } : {}) },
      order: { organizationId: 'ASC' },
    });
    rows.forEach((row) => result.get(row.trainerId)?.push(row.organizationId));
    return result;
  }

  /** Of `userIds`, those holding a valid qualification now: client users who train. */
  async qualified(userIds: string[], manager?: EntityManager): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { user_id: string }[] = await (manager ?? this.repository.manager).query(
      `SELECT DISTINCT user_id FROM qualification
        WHERE user_id = ANY($1::uuid[]) AND status = 'qualified' AND (expires_at IS NULL OR expires_at > now())`,
      [userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** What a user's view adds to the row: the clients they serve and whether they train now. */
  async viewFacts(userIds: string[], manager?: EntityManager): Promise<Map<string, UserViewFacts>> {
    const [assigned, qualified] = await Promise.all([
      this.assignedOrganizationIds(userIds, manager),
      this.qualified(userIds, manager),
    ]);
    return new Map(
      userIds.map((id) => [id, { assignedOrganizationIds: assigned.get(id) ?? [], qualified: qualified.has(id) }]),
    );
  }
}
