import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExamOverridesAndManualGrades1795838015358 implements MigrationInterface {
  name = 'ExamOverridesAndManualGrades1795838015358';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exam" ADD "overrides" jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "comment" text`);
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "criteria" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "criteria"`);
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "comment"`);
    await queryRunner.query(`ALTER TABLE "exam" DROP COLUMN "overrides"`);
  }
}
