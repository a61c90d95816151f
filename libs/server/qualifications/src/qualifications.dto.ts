import {
  ATTITUDES,
  Attitude,
  CRITERION_KINDS,
  CriterionKind,
  QUALIFICATION_STATUSES,
  QualificationStatus,
  TEACH_BACK_RESULTS,
  TeachBackResult,
} from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** One criterion; which fields it needs depends on `kind` (checked by the service, naming the field). */
export class CriterionDto {
  @ApiProperty({ enum: CRITERION_KINDS }) @IsIn(CRITERION_KINDS) kind!: CriterionKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'exam: a certification exam of the client' })
  @IsOptional()
  @IsUUID()
  examId?: string;

  @ApiPropertyOptional({ type: [String], description: 'attendance: plans of the client' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  planIds?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'exam, attendance' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  minPercent?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'co_delivery: sessions as assistant' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  sessions?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'trainer_feedback: Likert mean' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(5)
  minAverage?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'trainer_feedback: responses needed' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  minResponses?: number;

  @ApiPropertyOptional({ type: [String], description: 'teach_back: the items every teach-back must cover' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  checklist?: string[];
}

export class RenewalExamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() examId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) minPercent!: number;
}

export class RenewalSessionsLedDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100) sessions!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsNumber() @Min(1) @Max(5) minAverage!: number;
}

export class RenewalDto {
  @ApiPropertyOptional({ type: RenewalExamDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RenewalExamDto)
  exam?: RenewalExamDto | null;

  @ApiPropertyOptional({ type: RenewalSessionsLedDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RenewalSessionsLedDto)
  sessionsLed?: RenewalSessionsLedDto | null;
}

export class CreateTrackDto {
  @ApiProperty({ format: 'uuid', description: 'the client organization' }) @IsUUID() organizationId!: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ type: [String], description: 'business processes a qualified person may lead' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  businessProcesses!: string[];

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 120, nullable: true, description: 'null: never expires' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  validityMonths?: number | null;

  @ApiPropertyOptional({ type: RenewalDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RenewalDto)
  renewal?: RenewalDto | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateTrackDto extends PartialType(OmitType(CreateTrackDto, ['organizationId'] as const)) {}

export class TrackListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ description: 'tracks covering this business process' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessProcess?: string;
}

export class NominateDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() trackId!: string;
  @ApiProperty({ format: 'uuid', description: 'a user of the track’s client' }) @IsUUID() userId!: string;
}

export class RevokeDto {
  @ApiProperty({ maxLength: 1000, description: 'why; not blank' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

export class QualificationListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trackId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ enum: QUALIFICATION_STATUSES })
  @IsOptional()
  @IsIn(QUALIFICATION_STATUSES)
  status?: QualificationStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ enum: ATTITUDES })
  @IsOptional()
  @IsIn(ATTITUDES)
  attitude?: Attitude;
}

export class TeachBackItemDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @MinLength(1) @MaxLength(300) label!: string;
  @ApiProperty({ enum: TEACH_BACK_RESULTS }) @IsIn(TEACH_BACK_RESULTS) result!: TeachBackResult;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class CreateTeachBackDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() trackId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() candidateId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the session observed, if any' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;
  @ApiPropertyOptional({ description: 'default: now' }) @IsOptional() @IsDateString() observedAt?: string;

  @ApiProperty({ type: [TeachBackItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeachBackItemDto)
  items!: TeachBackItemDto[];

  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @ApiPropertyOptional({ default: false, description: 'sign it off at once' })
  @IsOptional()
  @IsBoolean()
  sign?: boolean;
}

export class UpdateTeachBackDto extends PartialType(
  OmitType(CreateTeachBackDto, ['trackId', 'candidateId', 'sign'] as const),
) {}

export class TeachBackListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trackId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() candidateId?: string;
}
