import { MigrationInterface, QueryRunner } from 'typeorm';

export class BankAuthor1795842000000 implements MigrationInterface {
  name = 'BankAuthor1795842000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "bank_author" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "bank_author"`);
  }
}
