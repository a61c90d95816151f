import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdentityProblemCode, ListResult, Role, UserView } from '@cascade/contracts';
import { recordAudit, UnprocessableError } from '@cascade/server/core';
import { Outbox } from '@cascade/server/queue';
import { DataSource, EntityManager, In } from 'typeorm';
import { Department } from './department.entity';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './dto';
import { emailTaken, invalidReference } from './identity.errors';
import { OrganizationsRepository, UsersRepository } from './identity.repositories';
import { Organization } from './organization.entity';
import { hashPassword } from './passwords';
import { TrainerAssignment } from './trainer-assignment.entity';
import { User } from './user.entity';
import { toUserView } from './user.view';

/**
 * A client user trains while a qualification of theirs is valid, so `trainer` is never granted
 * to them: the role would outlive the qualification it stands for.
 */
export function ungrantableRoles(organization: Pick<Organization, 'kind'>, roles: Role[]): string | null {
  return organization.kind === 'client' && roles.includes('trainer')
    ? 'trainer is held through a valid qualification, not granted to a client user'
    : null;
}

function checkRoles(organization: Organization, roles: Role[]): void {
  const message = ungrantableRoles(organization, roles);
  if (message)
    throw new UnprocessableError('ROLE_NOT_GRANTABLE' satisfies IdentityProblemCode, `roles: ${message}`, [
      { field: 'roles', message },
    ]);
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: UserListQuery): Promise<ListResult<UserView>> {
    const { data, total } = await this.users.list(query, this.users.listSpec);
    const facts = await this.users.viewFacts(data.map((u) => u.id));
    return { data: data.map((u) => toUserView(u, facts.get(u.id))), total };
  }

  async get(id: string): Promise<UserView> {
    return this.view(await this.users.findVisible(id));
  }

  async view(user: User, manager?: EntityManager): Promise<UserView> {
    return toUserView(user, (await this.users.viewFacts([user.id], manager)).get(user.id));
  }

  async create(input: CreateUserDto): Promise<UserView> {
    const organization = await this.organizations.findVisible(input.organizationId);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const [view] = await this.dataSource.transaction((manager) =>
      this.createMany(manager, organization, [{ ...input, passwordHash }]),
    );
    return view;
  }

  /**
   * Creates users inside the caller's transaction, each with a welcome notification
   * queued through the outbox. Shared by single creation, import and the demo seed.
   */
  async createMany(
    manager: EntityManager,
    organization: Organization,
    inputs: (Omit<CreateUserDto, 'password'> & { passwordHash: string | null })[],
  ): Promise<UserView[]> {
    const taken = await manager.find(User, {
      select: { email: true },
      where: { email: In(inputs.map((i) => i.email)) },
    });
    if (taken.length > 0) throw emailTaken(taken[0].email);
    const views: UserView[] = [];
    for (const input of inputs) {
      checkRoles(organization, input.roles);
      await this.checkDepartment(manager, organization.id, input.departmentId);
      await this.checkAssignments(manager, organization, input.roles, input.assignedOrganizationIds);
      const user = await manager.save(
        manager.create(User, {
          organizationId: organization.id,
          departmentId: input.departmentId ?? null,
          email: input.email,
          name: input.name,
          passwordHash: input.passwordHash,
          roles: input.roles,
          isKeyUser: input.isKeyUser ?? false,
          bankAuthor: input.bankAuthor ?? false,
          attitude: input.attitude ?? null,
          locale: input.locale ?? 'zh-CN',
          active: true,
        }),
      );
      const assigned = await this.replaceAssignments(manager, user.id, input.assignedOrganizationIds ?? []);
      await this.outbox.enqueue(manager, 'user.welcome', { userId: user.id });
      views.push(toUserView(user, { assignedOrganizationIds: assigned, qualified: false }));
    }
    return views;
  }

  async update(id: string, input: UpdateUserDto): Promise<UserView> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findVisibleForUpdate(id, manager);
      const organization = await manager.findOneByOrFail(Organization, { id: user.organizationId });
      if (input.roles) checkRoles(organization, input.roles);
      if (input.email && input.email !== user.email && (await manager.existsBy(User, { email: input.email }))) {
        throw emailTaken(input.email);
      }
      if (input.departmentId !== undefined)
        await this.checkDepartment(manager, user.organizationId, input.departmentId);
      const { password: _password, assignedOrganizationIds, ...fields } = input;
      const roles = input.roles ?? user.roles;
      if (assignedOrganizationIds !== undefined)
        await this.checkAssignments(manager, organization, roles, assignedOrganizationIds);
      const rolesBefore = [...user.roles];
      Object.assign(user, fields);
      if (passwordHash) user.passwordHash = passwordHash;
      const saved = await manager.save(user);
      // Besides the row's update, a change of roles is its own entry: who granted or withdrew what.
      if (!sameRoles(rolesBefore, saved.roles))
        await recordAudit(manager, {
          action: 'changeRoles',
          entity: 'User',
          entityId: user.id,
          organizationId: user.organizationId,
          before: { roles: rolesBefore },
          after: { roles: [...saved.roles] },
        });
      if (passwordHash) await this.revokeSessions(manager, user.id);
      if (assignedOrganizationIds !== undefined)
        await this.replaceAssignments(manager, user.id, roles.includes('trainer') ? assignedOrganizationIds : []);
      return this.view(saved, manager);
    });
  }

  async setActive(id: string, active: boolean): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findVisibleForUpdate(id, manager);
      if (user.active !== active) {
        user.active = active;
        await manager.save(user);
        if (!active) await this.revokeSessions(manager, user.id);
      }
      return this.view(user, manager);
    });
  }

  private async revokeSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }

  private async checkDepartment(
    manager: EntityManager,
    organizationId: string,
    departmentId: string | null | undefined,
  ) {
    if (!departmentId) return;
    const department = await manager.findOneBy(Department, { id: departmentId });
    if (!department || department.organizationId !== organizationId) {
      throw invalidReference('departmentId', 'must be a department of the user’s organization');
    }
  }

  private async checkAssignments(
    manager: EntityManager,
    organization: Organization,
    roles: Role[],
    ids: string[] | undefined,
  ) {
    if (!ids || ids.length === 0) return;
    if (organization.kind !== 'vendor' || !roles.includes('trainer')) {
      throw invalidReference('assignedOrganizationIds', 'only vendor trainers are assigned to client organizations');
    }
    const clients = await manager.find(Organization, { select: { id: true }, where: { id: In(ids), kind: 'client' } });
    if (clients.length !== ids.length) {
      throw invalidReference('assignedOrganizationIds', 'must all be client organizations');
    }
  }

  private async replaceAssignments(
    manager: EntityManager,
    trainerId: string,
    organizationIds: string[],
  ): Promise<string[]> {
    const current = await manager.find(TrainerAssignment, { where: { trainerId } });
    const removed = current.filter((a) => !organizationIds.includes(a.organizationId));
    if (removed.length) await manager.remove(removed);
    const added = organizationIds.filter((id) => !current.some((a) => a.organizationId === id));
    for (const organizationId of added)
      await manager.save(manager.create(TrainerAssignment, { trainerId, organizationId }));
    return [...organizationIds].sort();
  }
}

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((role) => b.includes(role));
