import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResult, OrganizationView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import {
  CreateOrganizationDto,
  OrganizationListQuery,
  OrganizationsService,
  UpdateOrganizationDto,
} from '@cascade/server/identity';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  list(@Query() query: OrganizationListQuery): Promise<ListResult<OrganizationView>> {
    return this.organizations.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<OrganizationView> {
    return this.organizations.get(id);
  }

  @Can('create', 'Organization')
  @Post()
  create(@Body() body: CreateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.create(body);
  }

  @Can('update', 'Organization')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateOrganizationDto): Promise<OrganizationView> {
    return this.organizations.update(id, body);
  }
}
