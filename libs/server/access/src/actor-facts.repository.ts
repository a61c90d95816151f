import { Injectable } from '@nestjs/common';
import { BlueprintRow, effectiveRoles, ExamDrawScope, OrganizationKind, Role } from '@cascade/contracts';
import { Actor, ActorFacts, ActorFactsSource } from '@cascade/server/core';
import { EntityManager } from 'typeorm';

interface FactsRow {
  id: string;
  organization_id: string;
  kind: OrganizationKind;
  roles: Role[];
  bank_author: boolean;
  assigned: string[];
  headed: string[];
  led: string[];
  assisted: string[];
  enrolled: string[];
  processes: string[];
  conflicts: { id: string; organizationId: string; questionIds: string[] | null; blueprint: BlueprintRow[] | null }[];
  open_sessions: string[];
}

/**
 * Exams a person is assigned to (by name, through the exam's session or its plan) or holds
 * an attempt on, while something remains for them: an attempt not yet final, or another
 * attempt possible before their own window closes.
 */
const CONFLICTED_EXAMS = `
  SELECT coalesce(json_agg(json_build_object('id', e.id, 'organizationId', e.organization_id,
                                             'questionIds', e.question_ids, 'blueprint', e.blueprint)), '[]'::json)
    FROM exam e
   WHERE (e.assignees->'userIds' ? u.id::text
          OR (coalesce((e.assignees->>'sessionEnrollees')::boolean, false) AND EXISTS (
                SELECT 1 FROM session_enrollment se
                 WHERE se.session_id = e.session_id AND se.user_id = u.id AND se.status <> 'declined'))
          OR (coalesce((e.assignees->>'planTrainees')::boolean, false) AND (
                EXISTS (SELECT 1 FROM plan_target pt WHERE pt.plan_id = e.plan_id AND pt.user_id = u.id)
                OR EXISTS (SELECT 1 FROM training_session s JOIN session_enrollment se ON se.session_id = s.id
                            WHERE s.plan_id = e.plan_id AND se.user_id = u.id AND se.status <> 'declined')))
          OR EXISTS (SELECT 1 FROM attempt a WHERE a.exam_id = e.id AND a.user_id = u.id))
     AND (EXISTS (SELECT 1 FROM attempt a WHERE a.exam_id = e.id AND a.user_id = u.id AND a.status <> 'finalized')
          OR ((SELECT count(*) FROM attempt a WHERE a.exam_id = e.id AND a.user_id = u.id) < e.attempts_allowed
              AND now() <= coalesce((SELECT (o->>'closesAt')::timestamptz FROM jsonb_array_elements(e.overrides) o
                                      WHERE o->>'userId' = u.id::text), e.closes_at)))`;

/**
 * Everything the permission policy reads about actors, for many at once, with the state of
 * their sign-in sessions: a room acting together costs one query. It reads identity, sessions,
 * plans, exams and qualifications, which is why it lives beside the composition of the domains rather than in one of them.
 */
@Injectable()
export class ActorFactsRepository extends ActorFactsSource {
  async load(manager: EntityManager, userIds: string[], sessionIds: string[] = []): Promise<ActorFacts> {
    const rows: FactsRow[] = await manager.query(
      `SELECT u.id, u.organization_id, o.kind, u.roles, u.bank_author,
              ARRAY(SELECT ta.organization_id FROM trainer_assignment ta WHERE ta.trainer_id = u.id) AS assigned,
              ARRAY(WITH RECURSIVE below AS (
                      SELECT d.id FROM department d WHERE d.manager_id = u.id
                      UNION SELECT c.id FROM department c JOIN below ON c.parent_id = below.id)
                    SELECT id FROM below) AS headed,
              ARRAY(SELECT st.session_id FROM session_trainer st WHERE st.user_id = u.id AND st.role = 'lead') AS led,
              ARRAY(SELECT st.session_id FROM session_trainer st WHERE st.user_id = u.id AND st.role <> 'lead') AS assisted,
              ARRAY(SELECT se.session_id FROM session_enrollment se
                     WHERE se.user_id = u.id AND se.status <> 'declined') AS enrolled,
              ARRAY(SELECT DISTINCT p FROM qualification q
                      JOIN qualification_track t ON t.id = q.track_id, unnest(t.business_processes) p
                     WHERE q.user_id = u.id AND q.status = 'qualified'
                       AND (q.expires_at IS NULL OR q.expires_at > now())) AS processes,
              (${CONFLICTED_EXAMS}) AS conflicts,
              -- A session (refresh-token family) is open while one of its tokens is not revoked;
              -- logout, reuse and deactivation revoke them all.
              ARRAY(SELECT DISTINCT rt.family_id FROM refresh_token rt
                     WHERE rt.family_id = ANY($2::uuid[]) AND rt.user_id = u.id AND rt.revoked_at IS NULL) AS open_sessions
         FROM app_user u
         JOIN organization o ON o.id = u.organization_id
        WHERE u.id = ANY($1::uuid[]) AND u.active`,
      [userIds, sessionIds],
    );
    return {
      actors: new Map(rows.map((row) => [row.id, toActor(row)])),
      openSessions: new Map(rows.flatMap((row) => row.open_sessions.map((sessionId) => [sessionId, row.id] as const))),
    };
  }
}

function toActor(row: FactsRow): Actor {
  const questionIds = new Set<string>();
  const cells = new Map<string, ExamDrawScope>();
  for (const exam of row.conflicts) {
    exam.questionIds?.forEach((id) => questionIds.add(id));
    for (const cell of exam.blueprint ?? []) {
      const scope = {
        organizationId: exam.organizationId,
        businessProcess: cell.businessProcess,
        difficulty: cell.difficulty,
      };
      cells.set(JSON.stringify(scope), scope);
    }
  }
  const facts = {
    userId: row.id,
    organizationId: row.organization_id,
    organizationKind: row.kind,
    roles: row.roles,
    qualifiedProcesses: row.kind === 'client' ? row.processes : [],
  };
  return {
    ...facts,
    roles: effectiveRoles(facts),
    assignedOrganizationIds: row.kind === 'vendor' && row.roles.includes('trainer') ? row.assigned : [],
    headedDepartmentIds: row.roles.includes('manager') ? row.headed : [],
    ledSessionIds: row.led,
    assistedSessionIds: row.assisted,
    enrolledSessionIds: row.enrolled,
    bankAuthor: row.bank_author,
    conflicts: { examIds: row.conflicts.map((e) => e.id), questionIds: [...questionIds], cells: [...cells.values()] },
  };
}
