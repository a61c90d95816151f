import {
  PLAN_STATUSES,
  PLAN_TARGET_KINDS,
  PlanStatus,
  PlanTargetKind,
  SIGN_IN_METHODS,
  SignInMethod,
} from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class MaterialDto {
  @ApiProperty({ enum: ['link', 'file'] })
  @IsIn(['link', 'file'])
  kind!: 'link' | 'file';

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ description: 'for links' })
  @ValidateIf((m: MaterialDto) => m.kind === 'link')
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'for uploaded files (POST /api/files)' })
  @ValidateIf((m: MaterialDto) => m.kind === 'file')
  @IsUUID()
  fileId?: string;
}

export class PlanModuleDto {
  @ApiPropertyOptional({ description: 'keeps the identity of an existing module' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ maxLength: 100, example: '采购 / 收货' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  businessProcess!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  outline?: string;

  @ApiProperty({ minimum: 5, maximum: 2880 })
  @IsInt()
  @Min(5)
  @Max(2880)
  durationMinutes!: number;

  @ApiPropertyOptional({ type: [MaterialDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials?: MaterialDto[];
}

export class PlanTargetDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: PLAN_TARGET_KINDS })
  @IsIn(PLAN_TARGET_KINDS)
  kind!: PlanTargetKind;

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  businessProcess?: string | null;
}

export class CreatePlanDto {
  @ApiProperty({ format: 'uuid', description: 'the client organization' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  goals!: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  assessmentMethod!: string;

  @ApiProperty({ enum: SIGN_IN_METHODS })
  @IsIn(SIGN_IN_METHODS)
  signInMethod!: SignInMethod;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  defaultLocation?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  trainerIds?: string[];

  @ApiPropertyOptional({ type: [PlanModuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PlanModuleDto)
  modules?: PlanModuleDto[];

  @ApiPropertyOptional({ type: [PlanTargetDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PlanTargetDto)
  targets?: PlanTargetDto[];
}

export class UpdatePlanDto extends PartialType(OmitType(CreatePlanDto, ['organizationId'] as const)) {
  @ApiPropertyOptional({ maxLength: 2000, description: 'required once the plan has been confirmed' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class PlanCommentDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PlanRequiredCommentDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

export class PlanCancelDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class PlanListQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
