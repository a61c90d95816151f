import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlansSessionsAttendance1795830758725 implements MigrationInterface {
  name = 'PlansSessionsAttendance1795830758725';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e140967af84027b493a3ff04fbb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "stored_file_org_idx" ON "stored_file"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "training_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "goals" text NOT NULL, "assessment_method" text NOT NULL, "sign_in_method" text NOT NULL, "default_location" text, "status" text NOT NULL DEFAULT 'draft', "trainer_ids" uuid array NOT NULL DEFAULT '{}', "revision" integer NOT NULL DEFAULT '0', "created_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "return_comment" text, "cancel_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_120d1ea63cbd602a8f68f941a50" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_plan_org_idx" ON "training_plan"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "plan_module" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "business_process" text NOT NULL, "title" text NOT NULL, "outline" text NOT NULL DEFAULT '', "duration_minutes" integer NOT NULL, "materials" jsonb NOT NULL DEFAULT '[]'::jsonb, "position" integer NOT NULL, CONSTRAINT "PK_556cf8ad436470f513488298bc1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "plan_module_plan_idx" ON "plan_module"  ("plan_id", "position") `);
    await queryRunner.query(`CREATE TABLE "plan_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "number" integer NOT NULL, "reason" text NOT NULL, "changes" jsonb NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "comment" text, CONSTRAINT "PK_588869e0bf5cfa9a4499461525b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "plan_revision_plan_idx" ON "plan_revision"  ("plan_id", "number") `);
    await queryRunner.query(`CREATE TABLE "plan_target" ("plan_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "business_process" text, CONSTRAINT "PK_660aa83e45391aa25411bfe6c04" PRIMARY KEY ("plan_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "training_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "module_id" uuid NOT NULL, "title" text NOT NULL, "business_process" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "location" text, "online_url" text, "capacity" integer NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "cancel_reason" text, "check_in_opens_minutes_before" integer NOT NULL DEFAULT '15', "check_in_closes_minutes_after" integer NOT NULL DEFAULT '30', "check_in_secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a17a9657ff5a6e048bfd82c4651" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_session_plan_idx" ON "training_session"  ("plan_id") `);
    await queryRunner.query(`CREATE INDEX "training_session_org_time_idx" ON "training_session"  ("organization_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" text NOT NULL, "method" text NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "minutes_late" integer NOT NULL DEFAULT '0', "walk_in" boolean NOT NULL DEFAULT false, "note" text, "marked_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee0ffe42c1f1a01e72b725c0cb2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "attendance_user_idx" ON "attendance"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "attendance_session_user_uq" ON "attendance"  ("session_id", "user_id") `);
    await queryRunner.query(`CREATE TABLE "session_enrollment" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'invited', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7716d41015513332c6e83bc0d4" PRIMARY KEY ("session_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "session_enrollment_user_idx" ON "session_enrollment"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "session_trainer" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "PK_e0b2bd81386918821acd94ccca9" PRIMARY KEY ("session_id", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "session_trainer_user_idx" ON "session_trainer"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "calendar_feed" ("user_id" uuid NOT NULL, "token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8c709ae87a9c6a72eb1976d7a73" UNIQUE ("token"), CONSTRAINT "PK_29b8f216ae4f5fdd5bcc8de8112" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "training_issue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "plan_id" uuid, "session_id" uuid, "module_id" uuid, "category" text NOT NULL, "severity" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "reporter_id" uuid NOT NULL, "assignee_id" uuid, "resolution" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b42524e3812d51fc8d1260ac4f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "training_issue_org_idx" ON "training_issue"  ("organization_id", "status") `);
    await queryRunner.query(`ALTER TABLE "plan_module" ADD CONSTRAINT "FK_14cb56997677582138f7d8be053" FOREIGN KEY ("plan_id") REFERENCES "training_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_revision" ADD CONSTRAINT "FK_1fc36928d5aa4b467d762e62cba" FOREIGN KEY ("plan_id") REFERENCES "training_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_target" ADD CONSTRAINT "FK_7a8cea69ae4e59c9d9e8f03f718" FOREIGN KEY ("plan_id") REFERENCES "training_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_5940f7beb6d791a618dbf88361e" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session_enrollment" ADD CONSTRAINT "FK_299878d9cae48596619bcf7aa38" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session_trainer" ADD CONSTRAINT "FK_5e85971306a916933d8e43c45af" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_trainer" DROP CONSTRAINT "FK_5e85971306a916933d8e43c45af"`);
    await queryRunner.query(`ALTER TABLE "session_enrollment" DROP CONSTRAINT "FK_299878d9cae48596619bcf7aa38"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_5940f7beb6d791a618dbf88361e"`);
    await queryRunner.query(`ALTER TABLE "plan_target" DROP CONSTRAINT "FK_7a8cea69ae4e59c9d9e8f03f718"`);
    await queryRunner.query(`ALTER TABLE "plan_revision" DROP CONSTRAINT "FK_1fc36928d5aa4b467d762e62cba"`);
    await queryRunner.query(`ALTER TABLE "plan_module" DROP CONSTRAINT "FK_14cb56997677582138f7d8be053"`);
    await queryRunner.query(`DROP INDEX "public"."training_issue_org_idx"`);
    await queryRunner.query(`DROP TABLE "training_issue"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
    await queryRunner.query(`DROP INDEX "public"."session_trainer_user_idx"`);
    await queryRunner.query(`DROP TABLE "session_trainer"`);
    await queryRunner.query(`DROP INDEX "public"."session_enrollment_user_idx"`);
    await queryRunner.query(`DROP TABLE "session_enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."attendance_session_user_uq"`);
    await queryRunner.query(`DROP INDEX "public"."attendance_user_idx"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP INDEX "public"."training_session_org_time_idx"`);
    await queryRunner.query(`DROP INDEX "public"."training_session_plan_idx"`);
    await queryRunner.query(`DROP TABLE "training_session"`);
    await queryRunner.query(`DROP TABLE "plan_target"`);
    await queryRunner.query(`DROP INDEX "public"."plan_revision_plan_idx"`);
    await queryRunner.query(`DROP TABLE "plan_revision"`);
    await queryRunner.query(`DROP INDEX "public"."plan_module_plan_idx"`);
    await queryRunner.query(`DROP TABLE "plan_module"`);
    await queryRunner.query(`DROP INDEX "public"."training_plan_org_idx"`);
    await queryRunner.query(`DROP TABLE "training_plan"`);
    await queryRunner.query(`DROP INDEX "public"."stored_file_org_idx"`);
    await queryRunner.query(`DROP TABLE "stored_file"`);
  }
}
