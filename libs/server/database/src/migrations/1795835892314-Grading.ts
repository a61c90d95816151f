import { MigrationInterface, QueryRunner } from 'typeorm';

export class Grading1795835892314 implements MigrationInterface {
  name = 'Grading1795835892314';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempt" ADD "score" numeric(9,2)`);
    await queryRunner.query(`ALTER TABLE "attempt" ADD "max_score" numeric(9,2)`);
    await queryRunner.query(`ALTER TABLE "attempt" ADD "percent" numeric(9,2)`);
    await queryRunner.query(`ALTER TABLE "attempt" ADD "passed" boolean`);
    await queryRunner.query(`ALTER TABLE "attempt" ADD "finalized_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "score" numeric(9,2)`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "needs_review" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "graded_by" uuid`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "graded_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "graded_at"`);
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "graded_by"`);
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "needs_review"`);
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "score"`);
    await queryRunner.query(`ALTER TABLE "attempt" DROP COLUMN "finalized_at"`);
    await queryRunner.query(`ALTER TABLE "attempt" DROP COLUMN "passed"`);
    await queryRunner.query(`ALTER TABLE "attempt" DROP COLUMN "percent"`);
    await queryRunner.query(`ALTER TABLE "attempt" DROP COLUMN "max_score"`);
    await queryRunner.query(`ALTER TABLE "attempt" DROP COLUMN "score"`);
  }
}
