import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EligibleLeadView, LeadQualificationState } from '@cascade/contracts';
import { ConflictError, NotFoundError, visibleOrganizationIds } from '@cascade/server/core';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';

/** A client lead of a scheduled session not yet started, and whether they may still lead it when it starts. */
export interface LeadStanding {
  sessionId: string;
  userId: string;
  name: string;
  state: LeadQualificationState;
}

/**
 * Valid: a qualification covering the process, qualified and not expiring before the start.
 * Otherwise the latest such qualification says why: revoked, expired (or expiring first), or
 * none that ever qualified.
 */
const CLIENT_LEADS = (where: string) => `
  SELECT s.id AS session_id, st.user_id, u.name,
         CASE WHEN EXISTS (SELECT 1 FROM qualification q JOIN qualification_track t ON t.id = q.track_id
                            WHERE q.user_id = st.user_id AND q.status = 'qualified' AND s.business_process = ANY(t.business_processes)
                              AND (q.expires_at IS NULL OR q.expires_at > s.starts_at))
              THEN 'valid'
              ELSE coalesce((SELECT CASE q.status WHEN 'revoked' THEN 'revoked' WHEN 'expired' THEN 'expired'
                                                  WHEN 'qualified' THEN 'expired' ELSE 'missing' END
                               FROM qualification q JOIN qualification_track t ON t.id = q.track_id
                              WHERE q.user_id = st.user_id AND s.business_process = ANY(t.business_processes)
                              ORDER BY q.created_at DESC LIMIT 1), 'missing')
         END AS state
    FROM training_session s
    JOIN session_trainer st ON st.session_id = s.id AND st.role = 'lead'
    JOIN app_user u ON u.id = st.user_id
    JOIN organization o ON o.id = u.organization_id AND o.kind = 'client'
   WHERE s.status = 'scheduled' AND s.starts_at > $1 AND ${where}
   ORDER BY s.starts_at, u.name, st.user_id`;

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

  /**
   * For each scheduled session that has not started, the state of its lead's qualification
   * (the first lead that may not lead it, if any), computed from the qualifications as they are
   * now, so an expiry counts the moment it passes. Sessions that started or are cancelled are left out.
   */
  async leadStates(
    manager: EntityManager,
    sessions: { id: string; status: string; startsAt: Date }[],
    now = new Date(),
  ): Promise<Map<string, LeadQualificationState>> {
    const upcoming = sessions.filter((s) => s.status === 'scheduled' && s.startsAt > now).map((s) => s.id);
    // Vendor trainers are not gated: a session they lead is always valid.
    const states = new Map<string, LeadQualificationState>(upcoming.map((id) => [id, 'valid']));
    if (upcoming.length === 0) return states;
    const rows: { session_id: string; state: LeadQualificationState }[] = await manager.query(
      CLIENT_LEADS('s.id = ANY($2::uuid[])'),
      [now, upcoming],
    );
    for (const row of rows)
      if (row.state !== 'valid' && states.get(row.session_id) === 'valid') states.set(row.session_id, row.state);
    return states;
  }

  /** The upcoming sessions a person leads but no longer may, e.g. right after their qualification ends. */
  async lapsedLeads(manager: EntityManager, userId: string, now = new Date()): Promise<LeadStanding[]> {
    const rows: { session_id: string; user_id: string; name: string; state: LeadQualificationState }[] =
      await manager.query(CLIENT_LEADS('st.user_id = $2'), [now, userId]);
    return rows.filter((r) => r.state !== 'valid').map(standing);
  }

  /** The first lead of an upcoming session who may no longer lead it, or null. */
  async lapsedLeadOf(manager: EntityManager, sessionId: string, now = new Date()): Promise<LeadStanding | null> {
    const rows: { session_id: string; user_id: string; name: string; state: LeadQualificationState }[] =
      await manager.query(CLIENT_LEADS('s.id = $2'), [now, sessionId]);
    const lapsed = rows.find((r) => r.state !== 'valid');
    return lapsed ? standing(lapsed) : null;
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

const standing = (r: { session_id: string; user_id: string; name: string; state: LeadQualificationState }) => ({
  sessionId: r.session_id,
  userId: r.user_id,
  name: r.name,
  state: r.state,
});

function missing(qualifications: QualificationSummary[], startsAt: Date): string {
  if (qualifications.length === 0) return 'no qualification on a track covering it';
  const q = qualifications[0];
  if (q.status === 'qualified' && q.expiresAt)
    return `the qualification “${q.track}” expires at ${new Date(q.expiresAt).toISOString()}, before the session starts at ${startsAt.toISOString()}`;
  if (q.status === 'expired') return `the qualification “${q.track}” has expired`;
  if (q.status === 'revoked') return `the qualification “${q.track}” was revoked`;
  return `not yet qualified on “${q.track}”; still missing: ${q.unmet.join(', ') || 'an evaluation'}`;
}
