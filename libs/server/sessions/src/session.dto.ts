import { SESSION_STATUSES, SessionStatus, TRAINER_ROLES, TrainerRole } from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** ISO 8601 with an explicit offset or Z, so no instant is ever guessed. */
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export class SessionTrainerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: TRAINER_ROLES })
  @IsIn(TRAINER_ROLES)
  role!: TrainerRole;
}

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  planId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  moduleId!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'defaults to the module title' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'must carry a time-zone offset' })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T12:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'must carry a time-zone offset' })
  endsAt!: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  @IsTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity!: number;

  @ApiProperty({ type: [SessionTrainerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionTrainerDto)
  trainers!: SessionTrainerDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 240, default: 15 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  checkInOpensMinutesBefore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1440, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  checkInClosesMinutesAfter?: number;
}

export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['planId'] as const)) {}

export class CancelSessionDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class EnrollDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class RespondDto {
  @ApiProperty({ enum: ['accepted', 'declined'] })
  @IsIn(['accepted', 'declined'])
  response!: 'accepted' | 'declined';
}

export class CheckInDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @MaxLength(12)
  code!: string;

  @ApiPropertyOptional({ enum: ['qr', 'code'] })
  @IsOptional()
  @IsIn(['qr', 'code'])
  method?: 'qr' | 'code';
}

export class MarkAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: ['present', 'late', 'excused', 'absent'] })
  @IsIn(['present', 'late', 'excused', 'absent'])
  status!: 'present' | 'late' | 'excused' | 'absent';

  @ApiPropertyOptional({ maxLength: 1000, description: 'required when excused' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class SessionListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() moduleId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() trainerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() traineeId?: string;
  @ApiPropertyOptional({ enum: SESSION_STATUSES }) @IsOptional() @IsIn(SESSION_STATUSES) status?: SessionStatus;
  @ApiPropertyOptional({ description: 'sessions ending after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'sessions starting before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
