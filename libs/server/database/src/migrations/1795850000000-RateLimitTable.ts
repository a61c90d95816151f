import { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL store of every rate limit (check-in codes, logins, verification…), not only check-in's. */
export class RateLimitTable1795850000000 implements MigrationInterface {
  name = 'RateLimitTable1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "check_in_limit" RENAME TO "rate_limit"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit" RENAME TO "check_in_limit"`);
  }
}
