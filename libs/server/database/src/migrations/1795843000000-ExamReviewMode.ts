import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a trainee reviews after an attempt; existing exams get the mode that shows no answers. */
export class ExamReviewMode1795843000000 implements MigrationInterface {
  name = 'ExamReviewMode1795843000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exam" ADD "review_mode" text NOT NULL DEFAULT 'score_only'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exam" DROP COLUMN "review_mode"`);
  }
}
