import { EntityManager } from 'typeorm';

/** Below this many responses an anonymous form's answers are not shown: a few could be told apart. */
export const ANONYMITY_THRESHOLD = 3;

/**
 * The responses any aggregate may read, with the day they entered aggregates (`counted_on`):
 * a named form's at once, an anonymous form's only with the batch that released it. Every
 * summary, scorecard, qualification fact, digest or webhook carrying feedback figures reads
 * this instead of `feedback_response`, so what anyone sees moves by whole batches only.
 */
export const COUNTED_FEEDBACK_RESPONSES = `(
  SELECT r.id, r.session_id, r.form_id, r.organization_id, r.batch_id,
         coalesce(b.closed_on, r.submitted_on) AS counted_on
    FROM feedback_response r
    JOIN feedback_form f ON f.id = r.form_id
    LEFT JOIN feedback_batch b ON b.id = r.batch_id
   WHERE NOT f.anonymous OR r.batch_id IS NOT NULL)`;

/**
 * How many waiting anonymous responses a batch takes now: all of them once at least
 * `threshold` wait, else none. A batch therefore closes the moment the threshold is reached
 * and fewer than `threshold` ever wait; those are released only together with later ones,
 * never on their own, also after the session's round has ended.
 */
export function batchToClose(waiting: number, threshold = ANONYMITY_THRESHOLD): number {
  return waiting >= threshold ? waiting : 0;
}

/**
 * Releases the waiting anonymous responses of a form on a session as one batch when enough
 * wait. Runs in the submitting transaction; the lock makes concurrent submissions count
 * one after another, so no response is left out or batched twice.
 * Returns the trainers the released responses rate (empty when no batch closed).
 */
export async function closeBatchIfFull(
  manager: EntityManager,
  target: { sessionId: string; formId: string; organizationId: string },
): Promise<{ batchId: string | null; ratedTrainerIds: string[] }> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `feedback-batch:${target.sessionId}:${target.formId}`,
  ]);
  const waiting: { id: string }[] = await manager.query(
    `SELECT id FROM feedback_response WHERE session_id = $1 AND form_id = $2 AND batch_id IS NULL`,
    [target.sessionId, target.formId],
  );
  if (batchToClose(waiting.length) === 0) return { batchId: null, ratedTrainerIds: [] };
  const ids = waiting.map((w) => w.id);
  const [batch]: { id: string }[] = await manager.query(
    `INSERT INTO feedback_batch (session_id, form_id, organization_id, seq, responses, closed_on)
     SELECT $1, $2, $3, coalesce(max(seq), 0) + 1, $4, $5::date
       FROM feedback_batch WHERE session_id = $1 AND form_id = $2
     RETURNING id`,
    [target.sessionId, target.formId, target.organizationId, ids.length, new Date().toISOString().slice(0, 10)],
  );
  await manager.query(`UPDATE feedback_response SET batch_id = $1 WHERE id = ANY($2::uuid[])`, [batch.id, ids]);
  const rated: { trainer_id: string }[] = await manager.query(
    `SELECT DISTINCT trainer_id FROM feedback_answer WHERE response_id = ANY($1::uuid[]) AND trainer_id IS NOT NULL`,
    [ids],
  );
  return { batchId: batch.id, ratedTrainerIds: rated.map((r) => r.trainer_id) };
}
