import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionBank1795832084845 implements MigrationInterface {
  name = 'QuestionBank1795832084845';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "scenario" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "narrative" text NOT NULL, "attachments" uuid array NOT NULL DEFAULT '{}', "business_process" text, "copied_from_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec7b57ee913fb77bb70ed3bc708" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "scenario_org_idx" ON "scenario"  ("organization_id", "business_process") `);
    await queryRunner.query(`CREATE TABLE "question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "business_process" text NOT NULL, "difficulty" integer NOT NULL, "points" numeric(5,2) NOT NULL, "scenario_id" uuid, "tags" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'draft', "type" text NOT NULL, "stem" text NOT NULL, "content" jsonb NOT NULL, "key" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "copied_from_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21e5786aa0ea704ae185a79b2d5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "question_scenario_idx" ON "question"  ("scenario_id") `);
    await queryRunner.query(`CREATE INDEX "question_org_process_idx" ON "question"  ("organization_id", "business_process", "difficulty") `);
    await queryRunner.query(`CREATE TABLE "question_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "version" integer NOT NULL, "type" text NOT NULL, "stem" text NOT NULL, "content" jsonb NOT NULL, "key" jsonb NOT NULL, "points" numeric(5,2) NOT NULL, "scenario_id" uuid, "scenario" jsonb, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_536fa313bdfc73a7694128dcf6e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "question_version_uq" ON "question_version"  ("question_id", "version") `);
    await queryRunner.query(`ALTER TABLE "question" ADD CONSTRAINT "FK_6ee442d6697dab65dd10ab86bce" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "question_version" ADD CONSTRAINT "FK_52195709bb83807f7bf7b537a36" FOREIGN KEY ("question_id") REFERENCES "question"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "question_version" DROP CONSTRAINT "FK_52195709bb83807f7bf7b537a36"`);
    await queryRunner.query(`ALTER TABLE "question" DROP CONSTRAINT "FK_6ee442d6697dab65dd10ab86bce"`);
    await queryRunner.query(`DROP INDEX "public"."question_version_uq"`);
    await queryRunner.query(`DROP TABLE "question_version"`);
    await queryRunner.query(`DROP INDEX "public"."question_org_process_idx"`);
    await queryRunner.query(`DROP INDEX "public"."question_scenario_idx"`);
    await queryRunner.query(`DROP TABLE "question"`);
    await queryRunner.query(`DROP INDEX "public"."scenario_org_idx"`);
    await queryRunner.query(`DROP TABLE "scenario"`);
  }
}
