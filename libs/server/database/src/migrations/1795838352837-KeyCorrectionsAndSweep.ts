import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeyCorrectionsAndSweep1795838352837 implements MigrationInterface {
  name = 'KeyCorrectionsAndSweep1795838352837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "key_correction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "question_id" uuid NOT NULL, "question_version_id" uuid NOT NULL, "version" integer NOT NULL, "old_key" jsonb NOT NULL, "new_key" jsonb NOT NULL, "reason" text NOT NULL, "corrected_by" uuid, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL DEFAULT 'queued', "report" jsonb, CONSTRAINT "PK_b9bc082787afe26a56c24012426" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "key_correction_question_idx" ON "key_correction"  ("question_id", "corrected_at") `);
    await queryRunner.query(`CREATE INDEX "attempt_open_deadline_idx" ON "attempt"  ("deadline_at") WHERE status = 'in_progress'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."attempt_open_deadline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."key_correction_question_idx"`);
    await queryRunner.query(`DROP TABLE "key_correction"`);
  }
}
