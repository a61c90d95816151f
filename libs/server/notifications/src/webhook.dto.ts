import { NOTIFICATION_EVENTS, NotificationEvent } from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

// Omitted leaves a field as it is; null is not a value any of these fields can take, so it is validated (and refused).
const PresentIfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

// The scheme and address are checked by the service (422 naming `url`), not here: a URL that is
// well-formed but not allowed is unprocessable rather than malformed.
export class CreateWebhookDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Client organization; a manager’s own by default' })
  @PresentIfGiven()
  @IsUUID()
  organizationId?: string;

  @ApiProperty({ maxLength: 2000, example: 'https://erp.example.com/cascade-events' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 200,
    description: 'Write-only; generated and shown once if omitted',
  })
  @PresentIfGiven()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiProperty({ enum: NOTIFICATION_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  events!: NotificationEvent[];

  @ApiPropertyOptional({ default: true })
  @PresentIfGiven()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @PresentIfGiven()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ minLength: 16, maxLength: 200, description: 'Write-only' })
  @PresentIfGiven()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_EVENTS, isArray: true })
  @PresentIfGiven()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  events?: NotificationEvent[];

  @ApiPropertyOptional({ description: 'Enabling again clears the failure count' })
  @PresentIfGiven()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}
