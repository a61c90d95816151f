import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CascadeCoverage, CascadeLineage, CoverageByMonth, CoverageByProcess, LineageNode } from '@cascade/contracts';
import { currentActor, ForbiddenError, NotFoundError, visibleOrganizationIds } from '@cascade/server/core';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';

/**
 * Who was trained by whom in a client's sessions. A trainee counts as trained in a session
 * when they checked in (present or late), or when they were enrolled (not declined) in a
 * session that has ended and were not marked absent or excused — sessions run before
 * sign-in was used still count. Cancelled sessions never count.
 */
const TRAINED_LINKS = `
  WITH org_session AS (
    SELECT s.id, s.starts_at, s.ends_at, s.business_process
      FROM training_session s
     WHERE s.organization_id = $1 AND s.status <> 'cancelled'
  ), trained AS (
    SELECT a.session_id, a.user_id FROM attendance a JOIN org_session s ON s.id = a.session_id
     WHERE a.status IN ('present', 'late')
    UNION
    SELECT e.session_id, e.user_id FROM session_enrollment e JOIN org_session s ON s.id = e.session_id
     WHERE e.status <> 'declined' AND s.ends_at <= now()
       AND NOT EXISTS (SELECT 1 FROM attendance a
                        WHERE a.session_id = e.session_id AND a.user_id = e.user_id
                          AND a.status IN ('absent', 'excused', 'pending_approval'))
  ), lead AS (
    SELECT st.session_id, st.user_id FROM session_trainer st JOIN org_session s ON s.id = st.session_id
     WHERE st.role = 'lead'
  )`;

interface PersonRow {
  id: string;
  name: string;
  is_key_user: boolean;
  org_kind: 'vendor' | 'client';
  org_id: string;
}

@Injectable()
export class CascadeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Admins, vendor trainers assigned to the client and the client's managers. Another
   * tenant's organization is not found; the client's own trainees and trainers get 403.
   */
  private async assertReadable(organizationId: string): Promise<void> {
    const visible = visibleOrganizationIds();
    const rows: { kind: string }[] = isUUID(organizationId)
      ? await this.dataSource.query(`SELECT kind FROM organization WHERE id = $1`, [organizationId])
      : [];
    if (!rows[0] || rows[0].kind !== 'client' || (visible && !visible.includes(organizationId))) {
      throw new NotFoundError('Organization');
    }
    const actor = currentActor();
    if (actor.organizationKind === 'client' && !actor.roles.includes('manager') && !actor.roles.includes('admin')) {
      throw new ForbiddenError('Only the client’s managers, its vendor trainers and admins see the cascade');
    }
  }

  async lineage(organizationId: string): Promise<CascadeLineage> {
    await this.assertReadable(organizationId);
    const edges: { lead_id: string; trainee_id: string; first_at: Date }[] = await this.dataSource.query(
      `${TRAINED_LINKS}
       SELECT l.user_id AS lead_id, t.user_id AS trainee_id, min(s.starts_at) AS first_at
         FROM trained t JOIN lead l ON l.session_id = t.session_id JOIN org_session s ON s.id = t.session_id
        WHERE l.user_id <> t.user_id
        GROUP BY l.user_id, t.user_id
        ORDER BY first_at, l.user_id, t.user_id`,
      [organizationId],
    );
    const counts: { user_id: string; led: number; attended: number }[] = await this.dataSource.query(
      `${TRAINED_LINKS}
       SELECT user_id, sum(led)::int AS led, sum(attended)::int AS attended FROM (
         SELECT l.user_id, 1 AS led, 0 AS attended FROM lead l JOIN org_session s ON s.id = l.session_id
          WHERE s.starts_at <= now()
         UNION ALL
         SELECT t.user_id, 0, 1 FROM trained t
       ) x GROUP BY user_id`,
      [organizationId],
    );
    const ids = [...new Set([...edges.flatMap((e) => [e.lead_id, e.trainee_id]), ...counts.map((c) => c.user_id)])];
    const people: PersonRow[] = ids.length
      ? await this.dataSource.query(
          `SELECT u.id, u.name, u.is_key_user, o.kind AS org_kind, o.id AS org_id
             FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const person = new Map(people.map((p) => [p.id, p]));
    const tally = new Map(counts.map((c) => [c.user_id, c]));
    const levelOf = (id: string): LineageNode['level'] =>
      person.get(id)?.org_kind === 'vendor'
        ? 'vendor'
        : (tally.get(id)?.led ?? 0) > 0
          ? 'internal_trainer'
          : 'end_user';

    // Each person hangs under the lead who trained them first, among leads already in the
    // tree; going by time and only from placed leads is what keeps a cycle (A trained B,
    // later B trained A) from looping.
    const parent = new Map<string, { lead: string; at: Date } | null>();
    for (const id of ids) if (levelOf(id) === 'vendor' && tally.get(id)?.led) parent.set(id, null);
    const incoming = new Map<string, typeof edges>();
    for (const e of edges) {
      if (!incoming.has(e.trainee_id)) incoming.set(e.trainee_id, []);
      incoming.get(e.trainee_id)!.push(e);
    }
    const pending = () => ids.filter((id) => !parent.has(id));
    let placedSome = true;
    while (pending().length) {
      if (!placedSome) {
        // Nobody left is reachable from a placed lead: the earliest lead among them starts a tree of their own.
        const unreachable = pending();
        const firstLead = edges.find((e) => unreachable.includes(e.lead_id))?.lead_id ?? unreachable[0];
        parent.set(firstLead, null);
      }
      placedSome = false;
      // Earliest edge first: a person whose first trainer is placed goes under that trainer.
      for (const id of pending()) {
        const first = incoming.get(id)?.[0];
        if (first && parent.has(first.lead_id)) {
          parent.set(id, { lead: first.lead_id, at: first.first_at });
          placedSome = true;
        }
      }
      if (placedSome) continue;
      for (const id of pending()) {
        const placedLead = incoming.get(id)?.find((e) => parent.has(e.lead_id));
        if (placedLead) {
          parent.set(id, { lead: placedLead.lead_id, at: placedLead.first_at });
          placedSome = true;
        }
      }
    }

    const nodes = new Map<string, LineageNode>();
    for (const id of ids) {
      const p = person.get(id);
      nodes.set(id, {
        userId: id,
        name: p?.name ?? '',
        level: levelOf(id),
        depth: 0,
        isKeyUser: p?.is_key_user ?? false,
        sessionsLed: tally.get(id)?.led ?? 0,
        sessionsAttended: tally.get(id)?.attended ?? 0,
        firstTrainedAt: parent.get(id)?.at.toISOString() ?? null,
        children: [],
      });
    }
    const roots: LineageNode[] = [];
    for (const id of ids) {
      const link = parent.get(id);
      if (link) nodes.get(link.lead)!.children.push(nodes.get(id)!);
      else roots.push(nodes.get(id)!);
    }
    const byTimeThenName = (a: LineageNode, b: LineageNode) =>
      (a.firstTrainedAt ?? '').localeCompare(b.firstTrainedAt ?? '') || a.name.localeCompare(b.name, 'zh-CN');
    const settle = (node: LineageNode, depth: number) => {
      node.depth = depth;
      node.children.sort(byTimeThenName);
      node.children.forEach((child) => settle(child, depth + 1));
    };
    roots.sort((a, b) => (a.level === 'vendor' ? 0 : 1) - (b.level === 'vendor' ? 0 : 1) || byTimeThenName(a, b));
    roots.forEach((root) => settle(root, 0));
    const levelCounts = { vendor: 0, internal_trainer: 0, end_user: 0 };
    nodes.forEach((n) => levelCounts[n.level]++);
    return { organizationId, roots, counts: levelCounts };
  }

  async coverage(organizationId: string): Promise<CascadeCoverage> {
    await this.assertReadable(organizationId);
    const hasQualifications = await this.qualificationTablesExist();
    const processRows: { business_process: string }[] = await this.dataSource.query(
      `SELECT DISTINCT bp AS business_process FROM (
         SELECT m.business_process AS bp FROM plan_module m JOIN training_plan p ON p.id = m.plan_id
          WHERE p.organization_id = $1 AND p.status <> 'cancelled'
         UNION SELECT t.business_process FROM plan_target t JOIN training_plan p ON p.id = t.plan_id
          WHERE p.organization_id = $1 AND p.status <> 'cancelled' AND t.business_process IS NOT NULL
         UNION SELECT s.business_process FROM training_session s WHERE s.organization_id = $1 AND s.status <> 'cancelled'
         ${hasQualifications ? `UNION SELECT unnest(q.business_processes) FROM qualification_track q WHERE q.organization_id = $1` : ''}
       ) x WHERE bp IS NOT NULL AND bp <> '' ORDER BY 1`,
      [organizationId],
    );
    // Per process: every target user (named by a plan, or trained in it) with whether they were
    // trained in it and whether any of that training was led by one of the client's own people.
    const people: { business_process: string; user_id: string; trained: boolean; by_internal: boolean }[] =
      await this.dataSource.query(
        `${TRAINED_LINKS},
         target AS (
           SELECT t.user_id, coalesce(t.business_process, m.business_process) AS business_process
             FROM plan_target t JOIN training_plan p ON p.id = t.plan_id
             LEFT JOIN plan_module m ON m.plan_id = p.id AND t.business_process IS NULL
            WHERE p.organization_id = $1 AND p.status <> 'cancelled'
         ), trained_in AS (
           SELECT s.business_process, t.user_id,
                  bool_or(lu.organization_id = $1) AS by_internal
             FROM trained t JOIN org_session s ON s.id = t.session_id
             LEFT JOIN lead l ON l.session_id = t.session_id
             LEFT JOIN app_user lu ON lu.id = l.user_id
            GROUP BY s.business_process, t.user_id
         )
         SELECT x.business_process, x.user_id,
                (ti.user_id IS NOT NULL) AS trained, coalesce(ti.by_internal, false) AS by_internal
           FROM (SELECT business_process, user_id FROM target WHERE business_process IS NOT NULL
                 UNION SELECT business_process, user_id FROM trained_in) x
           LEFT JOIN trained_in ti ON ti.business_process = x.business_process AND ti.user_id = x.user_id`,
        [organizationId],
      );
    const trainers: { business_process: string; user_id: string; name: string; expires_at: Date | null }[] =
      hasQualifications
        ? await this.dataSource.query(
            `SELECT DISTINCT ON (bp, q.user_id) bp AS business_process, q.user_id, u.name, q.expires_at
               FROM qualification q JOIN qualification_track t ON t.id = q.track_id
               CROSS JOIN LATERAL unnest(t.business_processes) AS bp
               JOIN app_user u ON u.id = q.user_id
              WHERE q.organization_id = $1 AND q.status = 'qualified'
                AND (q.expires_at IS NULL OR q.expires_at > now())
              ORDER BY bp, q.user_id, q.expires_at DESC NULLS FIRST`,
            [organizationId],
          )
        : [];
    const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0);
    const processes: CoverageByProcess[] = processRows.map(({ business_process: bp }) => {
      const own = people.filter((p) => p.business_process === bp);
      const trained = own.filter((p) => p.trained);
      const byInternal = trained.filter((p) => p.by_internal).length;
      return {
        businessProcess: bp,
        qualifiedTrainers: trainers
          .filter((t) => t.business_process === bp)
          .map((t) => ({ userId: t.user_id, name: t.name, expiresAt: t.expires_at?.toISOString() ?? null }))
          .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
        targetUsers: own.length,
        targetUsersTrained: trained.length,
        trainedByInternal: byInternal,
        internalShare: share(byInternal, trained.length),
        trainedShare: share(trained.length, own.length),
      };
    });
    const monthRows: { month: string; sessions: number; led_by_internal: number }[] = await this.dataSource.query(
      `SELECT to_char(date_trunc('month', s.starts_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
              count(*)::int AS sessions,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM session_trainer st JOIN app_user u ON u.id = st.user_id
                 WHERE st.session_id = s.id AND st.role = 'lead' AND u.organization_id = s.organization_id))::int
                AS led_by_internal
         FROM training_session s
        WHERE s.organization_id = $1 AND s.status <> 'cancelled'
        GROUP BY 1 ORDER BY 1`,
      [organizationId],
    );
    const months: CoverageByMonth[] = monthRows.map((m) => ({
      month: m.month,
      sessions: m.sessions,
      ledByInternal: m.led_by_internal,
      internalShare: share(m.led_by_internal, m.sessions),
    }));
    return { organizationId, processes, months };
  }

  private async qualificationTablesExist(): Promise<boolean> {
    const rows: { ok: boolean }[] = await this.dataSource.query(
      `SELECT to_regclass('qualification') IS NOT NULL AND to_regclass('qualification_track') IS NOT NULL AS ok`,
    );
    return rows[0]?.ok ?? false;
  }
}
