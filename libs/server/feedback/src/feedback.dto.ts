import { FEEDBACK_ITEM_TYPES, FEEDBACK_SUBJECTS, FeedbackItemType, FeedbackSubject } from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class FeedbackItemDto {
  @ApiPropertyOptional({ maxLength: 40, description: 'stable within the form; given one if absent' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1–40 letters, digits, _ or -' })
  id?: string;

  @ApiProperty({ enum: FEEDBACK_ITEM_TYPES }) @IsIn(FEEDBACK_ITEM_TYPES) type!: FeedbackItemType;
  @ApiProperty({ enum: FEEDBACK_SUBJECTS }) @IsIn(FEEDBACK_SUBJECTS) about!: FeedbackSubject;
  @ApiProperty({ maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) text!: string;

  @ApiPropertyOptional({ type: [String], description: 'single_choice only: 2 to 10 options' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  options?: string[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() required?: boolean;
}

export class CreateFeedbackFormDto {
  @ApiProperty({ format: 'uuid', description: 'the vendor (serves every client) or a client' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() anonymous?: boolean;

  @ApiProperty({ type: [FeedbackItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FeedbackItemDto)
  items!: FeedbackItemDto[];
}

export class UpdateFeedbackFormDto extends PartialType(OmitType(CreateFeedbackFormDto, ['organizationId'] as const)) {}

export class FeedbackFormListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class FeedbackAnswerDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(40) itemId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'trainer items: the trainer it is about' })
  @IsOptional()
  @IsUUID()
  trainerId?: string;

  @ApiProperty({ description: 'a number (likert_5: 1–5, nps_0_10: 0–10), an option, or text' })
  @IsDefined()
  value!: unknown;
}

export class SubmitFeedbackDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() formId!: string;

  @ApiProperty({ type: [FeedbackAnswerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FeedbackAnswerDto)
  answers!: FeedbackAnswerDto[];
}
