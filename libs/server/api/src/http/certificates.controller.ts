import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  CascadeCoverage,
  CascadeLineage,
  CertificateVerification,
  CertificateView,
  ListResult,
} from '@cascade/contracts';
import { CascadeService, CertificateListQuery, CertificatesService } from '@cascade/server/certificates';
import { NotFoundError, Public, Can, TooManyRequestsError } from '@cascade/server/core';
import { Limiter, RateLimits } from '@cascade/server/queue';
import { IsUUID } from 'class-validator';
import { contentDisposition, Reply } from './download';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** Trainees see their own; staff see their organizations' (the tenant scope decides). */
  @Get()
  list(@Query() query: CertificateListQuery): Promise<ListResult<CertificateView>> {
    return this.certificates.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<CertificateView> {
    return this.certificates.get(id);
  }

  @Get(':id/pdf')
  async pdf(@Param('id') id: string, @Res() reply: Reply): Promise<void> {
    const { certificate, pdf } = await this.certificates.document(id);
    reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        contentDisposition(`${certificate.title} - ${certificate.holderName}.pdf`, 'inline'),
      )
      .send(pdf);
  }
}

@ApiTags('certificates')
@Controller('verify')
export class VerifyController {
  /**
   * Per address, across replicas: codes carry 144 random bits, so this is not what keeps them
   * safe; it keeps one client from flooding the database.
   */
  private readonly budget: Limiter;

  constructor(
    private readonly certificates: CertificatesService,
    limits: RateLimits,
  ) {
    this.budget = limits.limiter({ name: 'verify', points: 60, windowSeconds: 60 });
  }

  /** Public: valid, expired or revoked, with the holder's name and what was certified. */
  @Public()
  @Get(':code')
  async verify(
    @Param('code') code: string,
    @Req() request: { ip: string },
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CertificateVerification> {
    const retryAfter = await this.budget.take(request.ip);
    if (retryAfter !== null) throw new TooManyRequestsError(retryAfter);
    const verification = await this.certificates.verify(code);
    // Malformed and unknown codes get the same answer, so a probe learns nothing.
    if (!verification) throw new NotFoundError('Certificate');
    // Short, so a revocation shows within a minute while repeated scans are served from caches.
    reply.header('cache-control', 'public, max-age=60');
    return verification;
  }
}

export class CascadeQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId!: string;
}

@ApiTags('cascade')
@ApiBearerAuth()
@Controller('cascade')
export class CascadeController {
  constructor(private readonly cascade: CascadeService) {}

  @Can('read', 'Cascade')
  @Get('lineage')
  lineage(@Query() query: CascadeQuery): Promise<CascadeLineage> {
    return this.cascade.lineage(query.organizationId);
  }

  @Can('read', 'Cascade')
  @Get('coverage')
  coverage(@Query() query: CascadeQuery): Promise<CascadeCoverage> {
    return this.cascade.coverage(query.organizationId);
  }
}
