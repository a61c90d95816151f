import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListResult, OrganizationView } from '@cascade/contracts';
import { ConflictError } from '@cascade/server/core';
import { DataSource } from 'typeorm';
import { CreateOrganizationDto, OrganizationListQuery, UpdateOrganizationDto } from './dto';
import { OrganizationsRepository } from './identity.repositories';
import { Organization } from './organization.entity';
import { toOrganizationView } from './user.view';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: OrganizationListQuery): Promise<ListResult<OrganizationView>> {
    const { data, total } = await this.organizations.list(query, this.organizations.listSpec);
    return { data: data.map(toOrganizationView), total };
  }

  async get(id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.findVisible(id));
  }

  async create(input: CreateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Organization, { name: input.name })) throw nameTaken(input.name);
      const saved = await manager.save(manager.create(Organization, { ...input, industry: input.industry ?? null }));
      return toOrganizationView(saved);
    });
  }

  async update(id: string, input: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.organizations.findVisibleForUpdate(id, manager);
      if (input.kind && input.kind !== organization.kind) {
        throw new ConflictError('ORGANIZATION_KIND_FIXED', 'An organization cannot change between vendor and client');
      }
      if (
        input.name &&
        input.name !== organization.name &&
        (await manager.existsBy(Organization, { name: input.name }))
      ) {
        throw nameTaken(input.name);
      }
      Object.assign(organization, input);
      return toOrganizationView(await manager.save(organization));
    });
  }
}

const nameTaken = (name: string) =>
  new ConflictError('ORGANIZATION_NAME_TAKEN', `An organization named ${name} already exists`, {
    errors: [{ field: 'name', message: 'is already taken' }],
  });
