import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttemptItemViewFromVersion1795841441150 implements MigrationInterface {
  name = 'AttemptItemViewFromVersion1795841441150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempt_item" DROP COLUMN "view"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempt_item" ADD "view" jsonb`);
  }
}
