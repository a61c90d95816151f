import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed logins are paced by the shared rate limits now (Redis or `rate_limit`), not counted in a table of their own. */
export class LoginLimitsShared1795851000000 implements MigrationInterface {
  name = 'LoginLimitsShared1795851000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_failure"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "ip" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "login_failure_email_idx" ON "login_failure" ("email", "created_at")`);
    await queryRunner.query(`CREATE INDEX "login_failure_ip_idx" ON "login_failure" ("ip", "created_at")`);
  }
}
