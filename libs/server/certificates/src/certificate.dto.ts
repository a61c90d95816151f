import { CERTIFICATE_KINDS, CertificateKind, CertificateStatus } from '@cascade/contracts';
import { ListQueryDto } from '@cascade/server/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

const STATUSES: CertificateStatus[] = ['valid', 'expired', 'revoked'];

export class CertificateListQuery extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sourceId?: string;
  @ApiPropertyOptional({ enum: CERTIFICATE_KINDS }) @IsOptional() @IsIn(CERTIFICATE_KINDS) kind?: CertificateKind;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: CertificateStatus;
}
