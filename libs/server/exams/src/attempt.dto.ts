import { FOLLOW_UP_RECIPIENTS, FollowUpRecipient } from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class SaveAnswerDto {
  @ApiProperty({ description: 'shape depends on the question type' })
  @IsDefined()
  response!: unknown;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  seq!: number;
}

export class CriterionScoreDto {
  @ApiProperty({ minimum: 0, description: "index into the question's rubric" })
  @IsInt()
  @Min(0)
  @Max(99)
  criterion!: number;

  @ApiProperty({ minimum: 0 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  score!: number;
}

export class GradeAnswerDto {
  @ApiPropertyOptional({ minimum: 0, description: 'the sum of the criteria when they are given' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1000)
  score?: number;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ type: [CriterionScoreDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  criteria?: CriterionScoreDto[];
}

export class PendingGradingQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() examId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class CorrectKeyDto {
  @ApiProperty({ minimum: 1, description: 'the version whose key was wrong' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  version!: number;

  @ApiProperty({ description: "the corrected key, in the question type's shape" })
  @IsDefined()
  key!: unknown;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class RecognitionPolicyDto {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'percent at or above which a trainee is excellent' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  excellentThreshold!: number;

  @ApiProperty() @IsBoolean() nameExcellent!: boolean;
  @ApiProperty() @IsBoolean() nameMostImproved!: boolean;

  @ApiProperty({ enum: FOLLOW_UP_RECIPIENTS, isArray: true })
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_RECIPIENTS.length)
  @ArrayUnique()
  @IsIn(FOLLOW_UP_RECIPIENTS, { each: true })
  followUpRecipients!: FollowUpRecipient[];
}
