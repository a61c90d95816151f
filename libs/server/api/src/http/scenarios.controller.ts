import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResult, ScenarioView } from '@cascade/contracts';
import { Can } from '@cascade/server/core';
import { CreateScenarioDto, ScenarioListQuery, ScenariosService, UpdateScenarioDto } from '@cascade/server/questions';

@ApiTags('scenarios')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenariosController {
  constructor(private readonly scenarios: ScenariosService) {}

  @Can('read', 'Scenario')
  @Get()
  list(@Query() query: ScenarioListQuery): Promise<ListResult<ScenarioView>> {
    return this.scenarios.list(query);
  }

  @Can('read', 'Scenario')
  @Get(':id')
  get(@Param('id') id: string): Promise<ScenarioView> {
    return this.scenarios.get(id);
  }

  @Can('create', 'Scenario')
  @Post()
  create(@Body() body: CreateScenarioDto): Promise<ScenarioView> {
    return this.scenarios.create(body);
  }

  @Can('update', 'Scenario')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateScenarioDto): Promise<ScenarioView> {
    return this.scenarios.update(id, body);
  }

  /** Only while no question uses the scenario (409 otherwise). */
  @Can('delete', 'Scenario')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string): Promise<void> {
    return this.scenarios.remove(id);
  }
}
