import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DepartmentView, ListResult } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import {
  CreateDepartmentDto,
  DepartmentListQuery,
  DepartmentsService,
  UpdateDepartmentDto,
} from '@cascade/server/identity';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  list(@Query() query: DepartmentListQuery): Promise<ListResult<DepartmentView>> {
    return this.departments.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<DepartmentView> {
    return this.departments.get(id);
  }

  @Can('create', 'Department')
  @Post()
  create(@Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    return this.departments.create(body);
  }

  @Can('update', 'Department')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateDepartmentDto): Promise<DepartmentView> {
    return this.departments.update(id, body);
  }

  @Can('delete', 'Department')
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.departments.remove(id);
  }
}
