import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DepartmentView, ListResult } from '@cascade/contracts';
import { assertMay, ConflictError } from '@cascade/server/core';
import { DataSource, EntityManager } from 'typeorm';
import { Department } from './department.entity';
import { CreateDepartmentDto, DepartmentListQuery, UpdateDepartmentDto } from './dto';
import { invalidReference } from './identity.errors';
import { DepartmentsRepository, OrganizationsRepository } from './identity.repositories';
import { User } from './user.entity';
import { toDepartmentView } from './user.view';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly organizations: OrganizationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: DepartmentListQuery): Promise<ListResult<DepartmentView>> {
    const { data, total } = await this.departments.list(query, this.departments.listSpec);
    return { data: data.map(toDepartmentView), total };
  }

  async get(id: string): Promise<DepartmentView> {
    return toDepartmentView(await this.departments.findVisible(id));
  }

  async create(input: CreateDepartmentDto): Promise<DepartmentView> {
    const organization = await this.organizations.findVisible(input.organizationId);
    const placed = { organizationId: organization.id, parentId: input.parentId ?? null };
    assertMay('create', 'Department', placed);
    // Only an admin names who manages a department.
    if (input.managerId) assertMay('create', 'Department', placed, { field: 'managerId' });
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, organization.id, null, input.parentId, input.managerId);
      await this.checkNameFree(manager, organization.id, input.name, null);
      const department = manager.create(Department, {
        organizationId: organization.id,
        name: input.name,
        parentId: input.parentId ?? null,
        managerId: input.managerId ?? null,
      });
      return toDepartmentView(await manager.save(department));
    });
  }

  async update(id: string, input: UpdateDepartmentDto): Promise<DepartmentView> {
    return this.dataSource.transaction(async (manager) => {
      const department = await this.departments.findVisibleForUpdate(id, manager);
      assertMay('update', 'Department', department);
      for (const field of Object.keys(input)) assertMay('update', 'Department', department, { field });
      // Moved, it must land under a department the actor may place departments in.
      if (input.parentId !== undefined && input.parentId !== department.parentId)
        assertMay('create', 'Department', { organizationId: department.organizationId, parentId: input.parentId });
      await this.checkReferences(manager, department.organizationId, department.id, input.parentId, input.managerId);
      if (input.name !== undefined)
        await this.checkNameFree(manager, department.organizationId, input.name, department.id);
      Object.assign(department, input);
      return toDepartmentView(await manager.save(department));
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const department = await this.departments.findVisibleForUpdate(id, manager);
      assertMay('delete', 'Department', department);
      if (await this.departments.hasDependents(department.id, manager)) {
        throw new ConflictError('DEPARTMENT_IN_USE', 'The department still has sub-departments or users');
      }
      await manager.remove(department);
    });
  }

  private async checkReferences(
    manager: EntityManager,
    organizationId: string,
    selfId: string | null,
    parentId: string | null | undefined,
    managerId: string | null | undefined,
  ): Promise<void> {
    if (parentId) {
      const parent = await manager.findOneBy(Department, { id: parentId });
      if (!parent || parent.organizationId !== organizationId) {
        throw invalidReference('parentId', 'must be a department of the same organization');
      }
      if (selfId && (await this.departments.isSelfOrAncestor(selfId, parentId, manager))) {
        throw invalidReference('parentId', 'would make the department its own ancestor');
      }
    }
    if (managerId) {
      const head = await manager.findOneBy(User, { id: managerId });
      if (!head || head.organizationId !== organizationId) {
        throw invalidReference('managerId', 'must be a user of the same organization');
      }
    }
  }

  private async checkNameFree(manager: EntityManager, organizationId: string, name: string, selfId: string | null) {
    const existing = await manager.findOneBy(Department, { organizationId, name });
    if (existing && existing.id !== selfId) {
      throw new ConflictError('DEPARTMENT_NAME_TAKEN', `A department named ${name} already exists`, {
        errors: [{ field: 'name', message: 'is already taken' }],
      });
    }
  }
}
