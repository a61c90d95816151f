import { AUDIT_ACTIONS, AuditAction } from '@cascade/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditEntryView, ListResult } from '@cascade/contracts';
import { AuditEntry, AuditRepository } from '@cascade/server/audit';
import { ListQueryDto, Can } from '@cascade/server/core';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

class AuditListQuery extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(AUDIT_ACTIONS) action?: AuditAction;
}

const LIST_SPEC = {
  sortable: { createdAt: 'createdAt', entity: 'entity', action: 'action' },
  defaultSort: 'createdAt',
  filters: {
    entity: 'entity',
    entityId: 'entityId',
    actorId: 'actorId',
    organizationId: 'organizationId',
    action: 'action',
  },
};

@ApiTags('audit')
@ApiBearerAuth()
@Can('read', 'AuditEntry')
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  async list(@Query() query: AuditListQuery): Promise<ListResult<AuditEntryView>> {
    const { data, total } = await this.audit.list({ ...query, order: query.order ?? 'DESC' }, LIST_SPEC);
    return { data: data.map(toView), total };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<AuditEntryView> {
    return toView(await this.audit.findVisible(id));
  }
}

const toView = (e: AuditEntry): AuditEntryView => ({ ...e, createdAt: e.createdAt.toISOString() });
