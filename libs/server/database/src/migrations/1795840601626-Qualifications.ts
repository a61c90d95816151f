import { MigrationInterface, QueryRunner } from 'typeorm';

export class Qualifications1795840601626 implements MigrationInterface {
  name = 'Qualifications1795840601626';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "qualification_track" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "business_processes" text array NOT NULL, "criteria" jsonb NOT NULL, "validity_months" integer, "renewal" jsonb, "active" boolean NOT NULL DEFAULT true, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b2530a8dd932d4722c6e94a4cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "qualification_track_org_idx" ON "qualification_track"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "qualification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "track_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" text NOT NULL, "progress" jsonb NOT NULL DEFAULT '[]'::jsonb, "renewal_progress" jsonb NOT NULL DEFAULT '[]'::jsonb, "evidence_since" TIMESTAMP WITH TIME ZONE, "qualified_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "renewed_at" TIMESTAMP WITH TIME ZONE, "expired_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" text, "revoked_by" uuid, "certificate_id" uuid, "nominated_by" uuid, "evaluated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c8244868552c4364a5264440a66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "qualification_open_uq" ON "qualification"  ("track_id", "user_id") WHERE status IN ('candidate', 'in_progress', 'qualified')`);
    await queryRunner.query(`CREATE INDEX "qualification_track_idx" ON "qualification"  ("track_id", "status") `);
    await queryRunner.query(`CREATE INDEX "qualification_user_idx" ON "qualification"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "qualification_reminder" ("qualification_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "days" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_975e7e4e37360506a0c835ddeaa" PRIMARY KEY ("qualification_id", "expires_at", "days"))`);
    await queryRunner.query(`CREATE TABLE "teach_back" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "track_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "session_id" uuid, "observer_id" uuid NOT NULL, "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "items" jsonb NOT NULL, "comment" text, "passed" boolean NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8dd3d20aa67a1d206fba311105" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "teach_back_candidate_idx" ON "teach_back"  ("candidate_id", "track_id") `);
    await queryRunner.query(`ALTER TABLE "qualification" ADD CONSTRAINT "FK_2b2530a8dd932d4722c6e94a4cd" FOREIGN KEY ("track_id") REFERENCES "qualification_track"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "teach_back" ADD CONSTRAINT "FK_c3f28578ca1fc5d68366d7d517e" FOREIGN KEY ("track_id") REFERENCES "qualification_track"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teach_back" DROP CONSTRAINT "FK_c3f28578ca1fc5d68366d7d517e"`);
    await queryRunner.query(`ALTER TABLE "qualification" DROP CONSTRAINT "FK_2b2530a8dd932d4722c6e94a4cd"`);
    await queryRunner.query(`DROP INDEX "public"."teach_back_candidate_idx"`);
    await queryRunner.query(`DROP TABLE "teach_back"`);
    await queryRunner.query(`DROP TABLE "qualification_reminder"`);
    await queryRunner.query(`DROP INDEX "public"."qualification_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qualification_track_idx"`);
    await queryRunner.query(`DROP INDEX "public"."qualification_open_uq"`);
    await queryRunner.query(`DROP TABLE "qualification"`);
    await queryRunner.query(`DROP INDEX "public"."qualification_track_org_idx"`);
    await queryRunner.query(`DROP TABLE "qualification_track"`);
  }
}
