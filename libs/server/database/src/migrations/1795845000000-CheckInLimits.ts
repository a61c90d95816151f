import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong check-in codes per person and session (the lasting count and the lock at its limit),
 * and the table the rate limiter's PostgreSQL store paces guesses in when there is no Redis.
 */
export class CheckInLimits1795845000000 implements MigrationInterface {
  name = 'CheckInLimits1795845000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "check_in_failure" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "wrong_codes" integer NOT NULL DEFAULT '0', "locked_at" TIMESTAMP WITH TIME ZONE, "reopened_at" TIMESTAMP WITH TIME ZONE, "reopened_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19b78694d6ccc5d075ae04ebf61" PRIMARY KEY ("session_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "check_in_failure_user_idx" ON "check_in_failure"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "check_in_failure" ADD CONSTRAINT "FK_14d8e73b95ed7d82e0286500fb6" FOREIGN KEY ("session_id") REFERENCES "training_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The layout rate-limiter-flexible's RateLimiterPostgres reads and writes (it is told the table exists).
    await queryRunner.query(
      `CREATE TABLE "check_in_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "check_in_limit"`);
    await queryRunner.query(`ALTER TABLE "check_in_failure" DROP CONSTRAINT "FK_14d8e73b95ed7d82e0286500fb6"`);
    await queryRunner.query(`DROP INDEX "public"."check_in_failure_user_idx"`);
    await queryRunner.query(`DROP TABLE "check_in_failure"`);
  }
}
