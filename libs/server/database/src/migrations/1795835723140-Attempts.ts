import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attempts1795835723140 implements MigrationInterface {
  name = 'Attempts1795835723140';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exam_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "number" integer NOT NULL, "status" text NOT NULL DEFAULT 'in_progress', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5f822b29b3128d1c65d3d6c193d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "attempt_one_open_uq" ON "attempt"  ("exam_id", "user_id") WHERE status = 'in_progress'`);
    await queryRunner.query(`CREATE INDEX "attempt_exam_user_idx" ON "attempt"  ("exam_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "attempt_item" ("attempt_id" uuid NOT NULL, "question_id" uuid NOT NULL, "position" integer NOT NULL, "question_version_id" uuid NOT NULL, "points" numeric(7,2) NOT NULL, "view" jsonb NOT NULL, "response" jsonb, "seq" integer NOT NULL DEFAULT '0', "saved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0b23944239a3199edbce593cf5d" PRIMARY KEY ("attempt_id", "question_id"))`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD CONSTRAINT "FK_8ec584f949158f4408faa69a01b" FOREIGN KEY ("attempt_id") REFERENCES "attempt"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP CONSTRAINT "FK_8ec584f949158f4408faa69a01b"`);
    await queryRunner.query(`DROP TABLE "attempt_item"`);
    await queryRunner.query(`DROP INDEX "public"."attempt_exam_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attempt_one_open_uq"`);
    await queryRunner.query(`DROP TABLE "attempt"`);
  }
}
