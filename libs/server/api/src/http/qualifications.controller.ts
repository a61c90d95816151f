import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  EligibleLeadView,
  ListResult,
  QualificationTrackView,
  QualificationView,
  TeachBackView,
} from '@cascade/contracts';
import { Actor, CurrentActor, ListQueryDto, Can } from '@cascade/server/core';
import {
  CreateTeachBackDto,
  CreateTrackDto,
  NominateDto,
  QualificationListQuery,
  QualificationsService,
  QualificationTracksService,
  RevokeDto,
  TeachBackListQuery,
  TeachBacksService,
  TrackListQuery,
  UpdateTeachBackDto,
  UpdateTrackDto,
} from '@cascade/server/qualifications';
import { LeadGate } from '@cascade/server/sessions';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

class EligibleLeadsQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the client; default: your own organization' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
  @ApiPropertyOptional({ description: 'the session’s business process; without it, any valid qualification' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  businessProcess?: string;
  @ApiPropertyOptional({ description: 'the session’s start; default now' }) @IsOptional() @IsDateString() at?: string;
}

@ApiTags('qualifications')
@ApiBearerAuth()
@Controller('qualification-tracks')
export class QualificationTracksController {
  constructor(private readonly tracks: QualificationTracksService) {}

  @Can('read', 'QualificationTrack')
  @Get()
  list(@Query() query: TrackListQuery): Promise<ListResult<QualificationTrackView>> {
    return this.tracks.list(query);
  }

  @Can('read', 'QualificationTrack')
  @Get(':id')
  get(@Param('id') id: string): Promise<QualificationTrackView> {
    return this.tracks.get(id);
  }

  @Can('create', 'QualificationTrack')
  @Post()
  create(@Body() body: CreateTrackDto): Promise<QualificationTrackView> {
    return this.tracks.create(body);
  }

  @Can('update', 'QualificationTrack')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateTrackDto): Promise<QualificationTrackView> {
    return this.tracks.update(id, body);
  }
}

@ApiTags('qualifications')
@ApiBearerAuth()
@Controller('qualifications')
export class QualificationsController {
  constructor(private readonly qualifications: QualificationsService) {}

  /** Trainees see only their own. */
  @Can('read', 'Qualification')
  @Get()
  list(@Query() query: QualificationListQuery): Promise<ListResult<QualificationView>> {
    return this.qualifications.list(query);
  }

  @Can('read', 'Qualification')
  @Get(':id')
  get(@Param('id') id: string): Promise<QualificationView> {
    return this.qualifications.get(id);
  }

  @Can('nominate', 'Qualification')
  @Post()
  nominate(@Body() body: NominateDto): Promise<QualificationView> {
    return this.qualifications.nominate(body);
  }

  @Can('revoke', 'Qualification')
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string, @Body() body: RevokeDto): Promise<QualificationView> {
    return this.qualifications.revoke(id, body.reason);
  }

  @Can('nominate', 'Qualification')
  @Post(':id/evaluate')
  @HttpCode(200)
  evaluate(@Param('id') id: string): Promise<QualificationView> {
    return this.qualifications.evaluate(id);
  }
}

@ApiTags('qualifications')
@ApiBearerAuth()
@Controller('teach-backs')
export class TeachBacksController {
  constructor(private readonly teachBacks: TeachBacksService) {}

  @Get()
  list(@Query() query: TeachBackListQuery): Promise<ListResult<TeachBackView>> {
    return this.teachBacks.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<TeachBackView> {
    return this.teachBacks.get(id);
  }

  /** Vendor trainers serving the client, and admins (403 for anyone else). */
  @Can('signTeachBack', 'Qualification')
  @Post()
  create(@Body() body: CreateTeachBackDto): Promise<TeachBackView> {
    return this.teachBacks.create(body);
  }

  @Can('signTeachBack', 'Qualification')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateTeachBackDto): Promise<TeachBackView> {
    return this.teachBacks.update(id, body);
  }

  @Can('signTeachBack', 'Qualification')
  @Post(':id/sign')
  @HttpCode(200)
  sign(@Param('id') id: string): Promise<TeachBackView> {
    return this.teachBacks.sign(id);
  }
}

/** The console's trainer picker: who may lead a session of a business process at a time. */
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions/eligible-leads')
export class EligibleLeadsController {
  constructor(private readonly gate: LeadGate) {}

  @Can(['create', 'staff', 'enroll'], 'Session')
  @Get()
  async list(@Query() query: EligibleLeadsQuery, @CurrentActor() actor: Actor): Promise<ListResult<EligibleLeadView>> {
    const organizationId = query.organizationId ?? (actor.organizationKind === 'client' ? actor.organizationId : null);
    if (!organizationId) return { data: [], total: 0 };
    const all = await this.gate.eligibleLeads(
      organizationId,
      query.businessProcess ?? null,
      query.at ? new Date(query.at) : new Date(),
    );
    const from = (query.page - 1) * query.perPage;
    return { data: all.slice(from, from + query.perPage), total: all.length };
  }
}
