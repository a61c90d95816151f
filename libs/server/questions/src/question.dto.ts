import { QUESTION_STATUSES, QUESTION_TYPES, QuestionStatus, QuestionType } from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** Optional, but when given never null: these columns always hold a value. */
export const PresentIfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Business processes and tags are matched by text elsewhere (plan modules, blueprints), so edges must not differ. */
export const Trimmed = () =>
  Transform(({ value }) =>
    typeof value === 'string'
      ? value.trim()
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'string' ? v.trim() : v))
        : value,
  );

const SHAPES_DOC =
  'Shape depends on `type`: single_choice/multiple_choice { options: [{ id, text }] }, true_false {}, fill_in { blanks }, ' +
  'ordering { items: [{ id, text }] }, matching { left: [{ id, text }], right: [{ id, text }] }, essay { maxWords? }';
const KEYS_DOC =
  'Answer key, never shown to trainees: single_choice { correct }, multiple_choice { correct: [], scoring }, true_false { correct }, ' +
  'fill_in { accepted: [[...]], ignoreCase, ignoreSpaces }, ordering { order: [] }, matching { pairs: [{ left, right }] }, essay { rubric: [{ criterion, points }] }';

export class CreateQuestionDto {
  @ApiProperty({ format: 'uuid', description: 'the bank: a client, or the vendor for templates' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ maxLength: 100, example: '采购 / 收货' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  businessProcess!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty!: number;

  @ApiProperty({ minimum: 0.5, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(100)
  points!: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'a scenario of the same organization' })
  @IsOptional()
  @IsUUID()
  scenarioId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @Trimmed()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: QUESTION_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty({ maxLength: 10000, description: 'the question text' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  stem!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: SHAPES_DOC })
  @IsObject()
  content!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, description: KEYS_DOC })
  @IsObject()
  key!: Record<string, unknown>;
}

/** Every field optional; a change to type, content, key or points is checked as a whole question again. */
export class UpdateQuestionDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @PresentIfGiven()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  businessProcess?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @PresentIfGiven()
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty?: number;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 100 })
  @PresentIfGiven()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(100)
  points?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null detaches the scenario' })
  @IsOptional()
  @IsUUID()
  scenarioId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @PresentIfGiven()
  @Trimmed()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: QUESTION_STATUSES })
  @PresentIfGiven()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;

  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @PresentIfGiven()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @ApiPropertyOptional({ maxLength: 10000 })
  @PresentIfGiven()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  stem?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: SHAPES_DOC })
  @PresentIfGiven()
  @IsObject()
  content?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: KEYS_DOC })
  @PresentIfGiven()
  @IsObject()
  key?: Record<string, unknown>;
}

export class QuestionListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  businessProcess?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty?: number;

  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @ApiPropertyOptional({ enum: QUESTION_STATUSES })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  scenarioId?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;
}

export class CopyQuestionsDto {
  @ApiProperty({ type: [String], description: 'questions of a vendor template bank', maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  questionIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'the client whose bank receives the copies' })
  @IsUUID()
  organizationId!: string;
}

export class ImportQuestionsForm {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;
}
