import { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time links to set a password (resets and invitations), kept only as hashes. */
export class PasswordTokens1795849000000 implements MigrationInterface {
  name = 'PasswordTokens1795849000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "request_key" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_207f5644a9050a7450fa999270c" UNIQUE ("token_hash"), CONSTRAINT "UQ_3f225bf157f4d6f98b8c3d89050" UNIQUE ("request_key"), CONSTRAINT "PK_4b36905cda55c809d6c39cb74f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_token_user_idx" ON "password_token" ("user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."password_token_user_idx"`);
    await queryRunner.query(`DROP TABLE "password_token"`);
  }
}
