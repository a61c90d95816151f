import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificates1795840225882 implements MigrationInterface {
  name = 'Certificates1795840225882';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "source_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "holder_name" text NOT NULL, "title" text NOT NULL, "code" text NOT NULL, "achieved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" text, CONSTRAINT "UQ_9c263067e4ed9782c88b4b347e0" UNIQUE ("code"), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "certificate_org_idx" ON "certificate"  ("organization_id", "issued_at") `);
    await queryRunner.query(`CREATE INDEX "certificate_user_idx" ON "certificate"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "certificate_source_uq" ON "certificate"  ("kind", "source_id", "achieved_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."certificate_source_uq"`);
    await queryRunner.query(`DROP INDEX "public"."certificate_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."certificate_org_idx"`);
    await queryRunner.query(`DROP TABLE "certificate"`);
  }
}
