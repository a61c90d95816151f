import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EligibleLeadView } from '@cascade/contracts';
import { ConflictError, NotFoundError, visibleOrganizationIds } from '@cascade/server/core';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';

interface QualificationSummary {
  qualificationId: string;
  trackId: string;
  track: string;
  status: string;
  expiresAt: string | null;
  unmet: string[];
}

/**
 * Only a client user holding a qualification that covers the session's business process
 * and is still valid when the session starts may lead it; vendor trainers are not gated.
 * Reads the qualification tables by SQL: the qualifications library depends on sessions,
 * so sessions cannot depend on it.
 */
@Injectable()
export class LeadGate {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertMayLead(
    manager: EntityManager,
    trainers: { userId: string; role: string }[],
    businessProcess: string,
    startsAt: Date,
  ): Promise<void> {
    const leadIds = trainers.filter((t) => t.role === 'lead').map((t) => t.userId);
    if (leadIds.length === 0) return;
    const rows: { id: string; name: string; may_lead: boolean; qualifications: QualificationSummary[] | null }[] =
      await manager.query(
        `SELECT u.id, u.name,
                EXISTS (SELECT 1 FROM qualification q JOIN qualification_track t ON t.id = q.track_id
                         WHERE q.user_id = u.id AND q.status = 'qualified' AND $2 = ANY(t.business_processes)
                           AND (q.expires_at IS NULL OR q.expires_at > $3)) AS may_lead,
                (SELECT json_agg(json_build_object(
                          'qualificationId', q.id, 'trackId', t.id, 'track', t.title, 'status', q.status,
                          'expiresAt', q.expires_at,
                          'unmet', (SELECT coalesce(json_agg(p->>'kind'), '[]'::json) FROM jsonb_array_elements(q.progress) p
                                     WHERE NOT coalesce((p->>'met')::boolean, false)))
                          ORDER BY q.created_at DESC)
                   FROM qualification q JOIN qualification_track t ON t.id = q.track_id
                  WHERE q.user_id = u.id AND $2 = ANY(t.business_processes)) AS qualifications
           FROM app_user u JOIN organization o ON o.id = u.organization_id
          WHERE u.id = ANY($1::uuid[]) AND o.kind = 'client'
          ORDER BY u.name`,
        [leadIds, businessProcess, startsAt],
      );
    const refused = rows.find((r) => !r.may_lead);
    if (!refused) return;
    const qualifications = refused.qualifications ?? [];
    throw new ConflictError(
      'LEAD_NOT_QUALIFIED',
      `${refused.name} may not lead a session of “${businessProcess}”: ${missing(qualifications, startsAt)}`,
      { userId: refused.id, name: refused.name, businessProcess, startsAt: startsAt.toISOString(), qualifications },
    );
  }

  /** Client users on a track (candidates included) may assist, even before they hold the trainer role. */
  async onTrack(manager: EntityManager, organizationId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT q.user_id FROM qualification q JOIN app_user u ON u.id = q.user_id
        WHERE q.user_id = ANY($1::uuid[]) AND q.organization_id = $2 AND u.active
          AND q.status IN ('candidate', 'in_progress', 'qualified')`,
      [ids, organizationId],
    );
    return rows.map((r) => r.user_id);
  }

  /** For the console's trainer picker: the vendor trainers serving the client and its qualified people. */
  async eligibleLeads(organizationId: string, businessProcess: string | null, at: Date): Promise<EligibleLeadView[]> {
    const visible = visibleOrganizationIds();
    if (!isUUID(organizationId) || (visible && !visible.includes(organizationId)))
      throw new NotFoundError('Organization');
    const rows: {
      id: string;
      name: string;
      organization_id: string;
      kind: 'vendor' | 'client';
      qualification_id: string | null;
      track_id: string | null;
      track_title: string | null;
      expires_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.organization_id, o.kind, q.id AS qualification_id, q.track_id, q.title AS track_title, q.expires_at
         FROM app_user u JOIN organization o ON o.id = u.organization_id
         LEFT JOIN LATERAL (
           SELECT q.id, q.track_id, t.title, q.expires_at FROM qualification q JOIN qualification_track t ON t.id = q.track_id
            WHERE q.user_id = u.id AND q.status = 'qualified' AND ($2::text IS NULL OR $2 = ANY(t.business_processes))
              AND (q.expires_at IS NULL OR q.expires_at > $3)
            ORDER BY q.expires_at DESC NULLS FIRST LIMIT 1
         ) q ON true
        WHERE u.active AND (
              (o.kind = 'vendor' AND 'trainer' = ANY(u.roles)
                AND EXISTS (SELECT 1 FROM trainer_assignment ta WHERE ta.trainer_id = u.id AND ta.organization_id = $1))
           OR (o.kind = 'client' AND u.organization_id = $1 AND q.id IS NOT NULL))
        ORDER BY o.kind DESC, u.name, u.id`,
      [organizationId, businessProcess, at],
    );
    return rows.map((r) => ({
      userId: r.id,
      name: r.name,
      organizationId: r.organization_id,
      kind: r.kind,
      qualification: r.qualification_id
        ? {
            id: r.qualification_id,
            trackId: r.track_id!,
            trackTitle: r.track_title!,
            expiresAt: r.expires_at?.toISOString() ?? null,
          }
        : null,
    }));
  }
}

function missing(qualifications: QualificationSummary[], startsAt: Date): string {
  if (qualifications.length === 0) return 'no qualification on a track covering it';
  const q = qualifications[0];
  if (q.status === 'qualified' && q.expiresAt)
    return `the qualification “${q.track}” expires at ${new Date(q.expiresAt).toISOString()}, before the session starts at ${startsAt.toISOString()}`;
  if (q.status === 'expired') return `the qualification “${q.track}” has expired`;
  if (q.status === 'revoked') return `the qualification “${q.track}” was revoked`;
  return `not yet qualified on “${q.track}”; still missing: ${q.unmet.join(', ') || 'an evaluation'}`;
}
