import { MigrationInterface, QueryRunner } from 'typeorm';

export class Exams1795835269673 implements MigrationInterface {
  name = 'Exams1795835269673';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "exam" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "plan_id" uuid, "session_id" uuid, "title" text NOT NULL, "kind" text NOT NULL, "question_ids" uuid array, "blueprint" jsonb, "time_limit_minutes" integer NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "pass_percent" numeric(5,2) NOT NULL, "attempts_allowed" integer NOT NULL DEFAULT '1', "shuffle_questions" boolean NOT NULL DEFAULT false, "shuffle_options" boolean NOT NULL DEFAULT false, "show_results" text NOT NULL DEFAULT 'after_close', "assignees" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_56071ab3a94aeac01f1b5ab74aa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "exam_org_idx" ON "exam"  ("organization_id", "opens_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."exam_org_idx"`);
    await queryRunner.query(`DROP TABLE "exam"`);
  }
}
