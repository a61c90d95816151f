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

/**
 * A small per-address budget for the public verification: codes carry 144 random bits, so
 * this is not what keeps them safe; it keeps one client from flooding the database. Kept in
 * memory per process, which is enough for that.
 */
class AddressBudget {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();
  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
  ) {}

  take(address: string, now = Date.now()): number | null {
    if (this.windows.size > 10_000) {
      for (const [key, w] of this.windows) if (now - w.startedAt >= this.windowMs) this.windows.delete(key);
    }
    const window = this.windows.get(address);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.set(address, { startedAt: now, used: 1 });
      return null;
    }
    window.used += 1;
    return window.used > this.perWindow ? Math.ceil((window.startedAt + this.windowMs - now) / 1000) : null;
  }
}

@ApiTags('certificates')
@Controller('verify')
export class VerifyController {
  private readonly budget = new AddressBudget(60, 60_000);

  constructor(private readonly certificates: CertificatesService) {}

  /** Public: valid, expired or revoked, with the holder's name and what was certified. */
  @Public()
  @Get(':code')
  async verify(
    @Param('code') code: string,
    @Req() request: { ip: string },
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<CertificateVerification> {
    const retryAfter = this.budget.take(request.ip);
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
