import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** Per event, whether email comes too; events left out keep their current choice. */
export class EmailChoicesDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'session.scheduled'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'session.changed'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'session.cancelled'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'exam.assigned'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'exam.result_final'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'feedback.requested'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'webhook.disabled'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'results.digest'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'results.follow_up'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'qualification.qualified'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'qualification.expiring'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'qualification.expired'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'session.lead_lapsed'?: boolean;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: EmailChoicesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EmailChoicesDto)
  email!: EmailChoicesDto;
}
