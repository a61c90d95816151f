import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PresentIfGiven, Trimmed } from './question.dto';

export class CreateScenarioDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ maxLength: 20000, description: 'the business case as trainees read it' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  narrative!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'file ids from POST /api/files, of the same organization',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachments?: string[];

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(100)
  businessProcess?: string | null;
}

export class UpdateScenarioDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @PresentIfGiven()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @PresentIfGiven()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  narrative?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @PresentIfGiven()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachments?: string[];

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(100)
  businessProcess?: string | null;
}

export class ScenarioListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  businessProcess?: string;
}
