import {
  EXAM_KINDS,
  ExamKind,
  RESULT_VISIBILITIES,
  ResultVisibility,
  REVIEW_MODES,
  ReviewMode,
} from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export class BlueprintRowDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) businessProcess!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) difficulty!: number;
  @ApiProperty({ minimum: 1, maximum: 200 }) @IsInt() @Min(1) @Max(200) count!: number;
  @ApiPropertyOptional({ minimum: 0.5, maximum: 100, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(100)
  points?: number | null;
}

export class ExamAssigneesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() planTrainees?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sessionEnrollees?: boolean;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds?: string[];
}

export class ExamOverrideDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 600, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  extraMinutes?: number;
  @ApiPropertyOptional({ nullable: true, description: "replaces the exam's opening for this person" })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'must carry a time-zone offset' })
  opensAt?: string | null;
  @ApiPropertyOptional({ nullable: true, description: "replaces the exam's closing for this person" })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'must carry a time-zone offset' })
  closesAt?: string | null;
}

export class CreateExamDto {
  @ApiProperty({ format: 'uuid', description: 'the client organization' }) @IsUUID() organizationId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiProperty({ enum: EXAM_KINDS }) @IsIn(EXAM_KINDS) kind!: ExamKind;

  @ApiPropertyOptional({ type: [String], description: 'a fixed list; or give a blueprint' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  questionIds?: string[];

  @ApiPropertyOptional({ type: [BlueprintRowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BlueprintRowDto)
  blueprint?: BlueprintRowDto[];

  @ApiProperty({ minimum: 1, maximum: 600 }) @IsInt() @Min(1) @Max(600) timeLimitMinutes!: number;

  @ApiProperty()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'must carry a time-zone offset' })
  opensAt!: string;
  @ApiProperty()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'must carry a time-zone offset' })
  closesAt!: string;

  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) passPercent!: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  attemptsAllowed?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shuffleQuestions?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shuffleOptions?: boolean;
  @ApiPropertyOptional({ enum: RESULT_VISIBILITIES })
  @IsOptional()
  @IsIn(RESULT_VISIBILITIES)
  showResults?: ResultVisibility;
  @ApiPropertyOptional({
    enum: REVIEW_MODES,
    default: 'score_only',
    description:
      'what the trainee sees besides the score: never the answers, the answers once their window has closed, or once they have no attempt left and all are final',
  })
  @IsOptional()
  @IsIn(REVIEW_MODES)
  reviewMode?: ReviewMode;

  @ApiPropertyOptional({ type: ExamAssigneesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExamAssigneesDto)
  assignees?: ExamAssigneesDto;

  @ApiPropertyOptional({ type: [ExamOverrideDto], description: 'extra time or another window per person' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ExamOverrideDto)
  overrides?: ExamOverrideDto[];
}

export class UpdateExamDto extends PartialType(OmitType(CreateExamDto, ['organizationId'] as const)) {}

export class ExamListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ enum: EXAM_KINDS }) @IsOptional() @IsIn(EXAM_KINDS) kind?: ExamKind;
}
