import {
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  IssueCategory,
  IssueSeverity,
  IssueStatus,
} from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateTrainingIssueDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() moduleId?: string;
  @ApiProperty({ enum: ISSUE_CATEGORIES }) @IsIn(ISSUE_CATEGORIES) category!: IssueCategory;
  @ApiProperty({ enum: ISSUE_SEVERITIES }) @IsIn(ISSUE_SEVERITIES) severity!: IssueSeverity;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @MinLength(1) @MaxLength(10000) description!: string;
}

export class UpdateTrainingIssueDto {
  @ApiPropertyOptional({ enum: ISSUE_CATEGORIES }) @IsOptional() @IsIn(ISSUE_CATEGORIES) category?: IssueCategory;
  @ApiPropertyOptional({ enum: ISSUE_SEVERITIES }) @IsOptional() @IsIn(ISSUE_SEVERITIES) severity?: IssueSeverity;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  description?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() assigneeId?: string | null;
}

export class IssueResolutionDto {
  @ApiProperty({ maxLength: 5000 }) @IsString() @MinLength(1) @MaxLength(5000) resolution!: string;
}

export class TrainingIssueListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ enum: ISSUE_CATEGORIES }) @IsOptional() @IsIn(ISSUE_CATEGORIES) category?: IssueCategory;
  @ApiPropertyOptional({ enum: ISSUE_STATUSES }) @IsOptional() @IsIn(ISSUE_STATUSES) status?: IssueStatus;
  @ApiPropertyOptional({ enum: ISSUE_SEVERITIES }) @IsOptional() @IsIn(ISSUE_SEVERITIES) severity?: IssueSeverity;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
}
