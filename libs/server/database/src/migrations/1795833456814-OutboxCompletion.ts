import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxCompletion1795833456814 implements MigrationInterface {
  name = 'OutboxCompletion1795833456814';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "completed_at" TIMESTAMP WITH TIME ZONE`);
    // Jobs dispatched before completion was tracked count as done; they are not handed over again.
    await queryRunner.query(`UPDATE "outbox" SET "completed_at" = "dispatched_at" WHERE "dispatched_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "outbox_unfinished_idx" ON "outbox"  ("dispatched_at") WHERE completed_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_unfinished_idx"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "completed_at"`);
  }
}
