import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795828845931 implements MigrationInterface {
  name = 'Initial1795828845931';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" uuid NOT NULL, "organization_id" uuid, "before" jsonb, "after" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_entry_created_idx" ON "audit_entry"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "audit_entry_entity_idx" ON "audit_entry"  ("entity", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "industry" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c21e615583a3ebbb0977452afb0" UNIQUE ("name"), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "department" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "parent_id" uuid, "name" text NOT NULL, "manager_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a2213262c1593bffb581e382f5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "department_org_name_uq" ON "department"  ("organization_id", "name") `);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "department_id" uuid, "email" text NOT NULL, "name" text NOT NULL, "password_hash" text, "roles" text array NOT NULL, "is_key_user" boolean NOT NULL DEFAULT false, "attitude" text, "locale" text NOT NULL DEFAULT 'zh-CN', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "app_user_org_idx" ON "app_user"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "trainer_assignment" ("trainer_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5362ce1b9d9cf4d549e3547733d" PRIMARY KEY ("trainer_id", "organization_id"))`);
    await queryRunner.query(`CREATE TABLE "login_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "ip" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "login_failure_ip_idx" ON "login_failure"  ("ip", "created_at") `);
    await queryRunner.query(`CREATE INDEX "login_failure_email_idx" ON "login_failure"  ("email", "created_at") `);
    await queryRunner.query(`CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "refresh_token_user_idx" ON "refresh_token"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "refresh_token_family_idx" ON "refresh_token"  ("family_id") `);
    await queryRunner.query(`CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" text NOT NULL, "job_name" text NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "dispatch_attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_pending_idx" ON "outbox"  ("available_at") WHERE dispatched_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "dedupe_key" text NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b390c6bcca8179ba55a6eb95fac" UNIQUE ("dedupe_key"), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_inbox_idx" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "department" ADD CONSTRAINT "FK_c37a08a62f5d1774d9180a9ff38" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "department" ADD CONSTRAINT "FK_110d56d702b0880fe9b005878e9" FOREIGN KEY ("parent_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_7bbda4c333c1da023d2f2ae7320" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "trainer_assignment" ADD CONSTRAINT "FK_730e39a681dc1850566937398ea" FOREIGN KEY ("trainer_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "trainer_assignment" ADD CONSTRAINT "FK_206877caeb4629aea9baf5affd2" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "trainer_assignment" DROP CONSTRAINT "FK_206877caeb4629aea9baf5affd2"`);
    await queryRunner.query(`ALTER TABLE "trainer_assignment" DROP CONSTRAINT "FK_730e39a681dc1850566937398ea"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_7bbda4c333c1da023d2f2ae7320"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_c4c90a083fb10c1386782b5aac5"`);
    await queryRunner.query(`ALTER TABLE "department" DROP CONSTRAINT "FK_110d56d702b0880fe9b005878e9"`);
    await queryRunner.query(`ALTER TABLE "department" DROP CONSTRAINT "FK_c37a08a62f5d1774d9180a9ff38"`);
    await queryRunner.query(`DROP INDEX "public"."notification_inbox_idx"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_pending_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_family_idx"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_user_idx"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."login_failure_email_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_failure_ip_idx"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP TABLE "trainer_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_org_idx"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."department_org_name_uq"`);
    await queryRunner.query(`DROP TABLE "department"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_created_idx"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
