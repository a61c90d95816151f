import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  CertificateKind,
  CertificateStatus,
  CertificateVerification,
  CertificateView,
  ListResult,
} from '@cascade/contracts';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { ListSpec, NotFoundError, ScopedRepository, ScopeRules } from '@cascade/server/core';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { renderCertificate } from './certificate-document';
import { CertificateListQuery } from './certificate.dto';
import { Certificate } from './certificate.entity';

export interface IssueCertificate {
  kind: CertificateKind;
  sourceId: string;
  userId: string;
  organizationId: string;
  title: string;
  achievedAt: Date;
  expiresAt: Date | null;
}

/** 18 random bytes in base64url: 24 characters, 144 bits, safe in a URL and a QR code. */
export const CERTIFICATE_CODE = /^[A-Za-z0-9_-]{24}$/;
const newCode = () => randomBytes(18).toString('base64url');

@Injectable()
export class CertificatesRepository extends ScopedRepository<Certificate> {
  protected readonly alias = 'certificate';
  protected readonly entityName = 'Certificate';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId', selfColumn: 'userId' };
  readonly listSpec: ListSpec = {
    sortable: { issuedAt: 'issuedAt', achievedAt: 'achievedAt', expiresAt: 'expiresAt', title: 'title' },
    defaultSort: 'issuedAt',
    searchable: ['title', 'holderName'],
    filters: {
      userId: 'userId',
      organizationId: 'organizationId',
      kind: 'kind',
      sourceId: 'sourceId',
      status: (qb, value) => {
        if (value === 'revoked') qb.andWhere('certificate.revokedAt IS NOT NULL');
        else if (value === 'expired') qb.andWhere('certificate.revokedAt IS NULL AND certificate.expiresAt <= now()');
        else
          qb.andWhere(
            'certificate.revokedAt IS NULL AND (certificate.expiresAt IS NULL OR certificate.expiresAt > now())',
          );
      },
    },
  };

  constructor(@InjectRepository(Certificate) repository: Repository<Certificate>) {
    super(repository);
  }

  /** Unscoped on purpose: the public verification answers anyone who holds the code. */
  findByCode(code: string): Promise<Certificate | null> {
    return this.repository.findOneBy({ code });
  }
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly certificates: CertificatesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Issues a certificate inside the caller's transaction. Issuing the same achievement
   * again (same kind, source and date) returns the certificate already issued, so a
   * re-run job or a re-evaluation never prints a second one.
   */
  async issue(manager: EntityManager, input: IssueCertificate): Promise<{ id: string; code: string }> {
    const inserted: { id: string; code: string }[] = await manager.query(
      `INSERT INTO certificate (kind, source_id, user_id, organization_id, holder_name, title, code, achieved_at, expires_at)
       SELECT $1, $2, u.id, $4, u.name, $5, $6, $7, $8 FROM app_user u WHERE u.id = $3
       ON CONFLICT (kind, source_id, achieved_at) DO NOTHING
       RETURNING id, code`,
      [
        input.kind,
        input.sourceId,
        input.userId,
        input.organizationId,
        input.title,
        newCode(),
        input.achievedAt,
        input.expiresAt,
      ],
    );
    if (inserted[0]) return inserted[0];
    const existing: { id: string; code: string }[] = await manager.query(
      `SELECT id, code FROM certificate WHERE kind = $1 AND source_id = $2 AND achieved_at = $3`,
      [input.kind, input.sourceId, input.achievedAt],
    );
    if (!existing[0]) throw new NotFoundError('User');
    return existing[0];
  }

  /** Revokes every certificate in force for a source (a revoked qualification, a voided attempt). */
  async revokeFor(manager: EntityManager, sourceId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE certificate SET revoked_at = now(), revoke_reason = $2 WHERE source_id = $1 AND revoked_at IS NULL`,
      [sourceId, reason],
    );
  }

  /**
   * Called where an attempt becomes final, in that transaction: a passed attempt of a
   * certification exam earns a certificate, dated when the attempt was finalised. Read by
   * SQL so this library never depends on the exams library, which depends on it.
   */
  async issueForAttempt(manager: EntityManager, attemptId: string): Promise<{ id: string; code: string } | null> {
    const rows: { user_id: string; organization_id: string; title: string; finalized_at: Date }[] = await manager.query(
      `SELECT a.user_id, a.organization_id, e.title, a.finalized_at
         FROM attempt a JOIN exam e ON e.id = a.exam_id
        WHERE a.id = $1 AND a.status = 'finalized' AND a.passed AND e.kind = 'certification'`,
      [attemptId],
    );
    const row = rows[0];
    if (!row) return null;
    return this.issue(manager, {
      kind: 'exam',
      sourceId: attemptId,
      userId: row.user_id,
      organizationId: row.organization_id,
      title: row.title,
      achievedAt: row.finalized_at,
      expiresAt: null,
    });
  }

  async list(query: CertificateListQuery): Promise<ListResult<CertificateView>> {
    const { data, total } = await this.certificates.list(
      { ...query, order: query.order ?? (query.sort ? 'ASC' : 'DESC') },
      this.certificates.listSpec,
    );
    return { data: data.map((c) => this.toView(c)), total };
  }

  async get(id: string): Promise<CertificateView> {
    return this.toView(await this.certificates.findVisible(id));
  }

  /** The printable certificate, for whoever may see the certificate itself. */
  async document(id: string): Promise<{ certificate: CertificateView; pdf: Buffer }> {
    const certificate = await this.get(id);
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [
      certificate.organizationId,
    ]);
    return { certificate, pdf: await renderCertificate(certificate, rows[0]?.name ?? '') };
  }

  /** The public answer for a code: null for a malformed or unknown one, which callers answer 404. */
  async verify(code: string): Promise<CertificateVerification | null> {
    if (!CERTIFICATE_CODE.test(code)) return null;
    const certificate = await this.certificates.findByCode(code);
    if (!certificate) return null;
    return {
      status: statusOf(certificate),
      holderName: certificate.holderName,
      title: certificate.title,
      kind: certificate.kind,
      issuedAt: certificate.issuedAt.toISOString(),
      achievedAt: certificate.achievedAt.toISOString(),
      expiresAt: certificate.expiresAt?.toISOString() ?? null,
      revokedAt: certificate.revokedAt?.toISOString() ?? null,
    };
  }

  verifyUrl(code: string): string {
    return `${this.config.publicUrl}/verify/${code}`;
  }

  private toView(c: Certificate): CertificateView {
    return {
      id: c.id,
      kind: c.kind,
      sourceId: c.sourceId,
      userId: c.userId,
      holderName: c.holderName,
      organizationId: c.organizationId,
      title: c.title,
      code: c.code,
      verifyUrl: this.verifyUrl(c.code),
      status: statusOf(c),
      achievedAt: c.achievedAt.toISOString(),
      expiresAt: c.expiresAt?.toISOString() ?? null,
      issuedAt: c.issuedAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revokeReason: c.revokeReason,
    };
  }
}

export function statusOf(c: Pick<Certificate, 'revokedAt' | 'expiresAt'>, now = new Date()): CertificateStatus {
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt && c.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
