import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackBatches1795844000000 implements MigrationInterface {
  name = 'FeedbackBatches1795844000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "feedback_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "form_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "seq" integer NOT NULL, "responses" integer NOT NULL, "closed_on" date NOT NULL, CONSTRAINT "PK_1e7f02fab3a5e2226009d686286" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "feedback_batch_seq_uq" ON "feedback_batch"  ("session_id", "form_id", "seq") `);
    await queryRunner.query(`ALTER TABLE "feedback_response" ADD "batch_id" uuid`);
    await queryRunner.query(`CREATE INDEX "feedback_response_waiting_idx" ON "feedback_response"  ("session_id", "form_id") WHERE batch_id IS NULL`);
    await queryRunner.query(`CREATE INDEX "feedback_round_requested_idx" ON "feedback_round"  ("requested_at") `);
    await queryRunner.query(`ALTER TABLE "feedback_response" ADD CONSTRAINT "FK_253f1f2c4430207efcf235db161" FOREIGN KEY ("batch_id") REFERENCES "feedback_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Anonymous responses already shown (a session's form with at least three) stay shown, as one batch;
    // fewer than three were withheld from the summary and now wait for more.
    await queryRunner.query(`WITH grouped AS (
        SELECT r.session_id, r.form_id, (array_agg(r.organization_id))[1] AS organization_id,
               count(*)::int AS responses, max(r.submitted_on) AS closed_on
          FROM "feedback_response" r JOIN "feedback_form" f ON f.id = r.form_id
         WHERE f.anonymous
         GROUP BY r.session_id, r.form_id
        HAVING count(*) >= 3
      ), batch AS (
        INSERT INTO "feedback_batch" (session_id, form_id, organization_id, seq, responses, closed_on)
        SELECT session_id, form_id, organization_id, 1, responses, closed_on FROM grouped
        RETURNING id, session_id, form_id
      )
      UPDATE "feedback_response" r SET batch_id = batch.id FROM batch
       WHERE r.session_id = batch.session_id AND r.form_id = batch.form_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feedback_response" DROP CONSTRAINT "FK_253f1f2c4430207efcf235db161"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_round_requested_idx"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_response_waiting_idx"`);
    await queryRunner.query(`ALTER TABLE "feedback_response" DROP COLUMN "batch_id"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_batch_seq_uq"`);
    await queryRunner.query(`DROP TABLE "feedback_batch"`);
  }
}
