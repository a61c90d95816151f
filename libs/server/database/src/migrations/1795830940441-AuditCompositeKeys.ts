import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCompositeKeys1795830940441 implements MigrationInterface {
  name = 'AuditCompositeKeys1795830940441';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_entry_entity_idx"`);
    // Composite keys (assignments, enrollments) are recorded as text; existing ids convert in place.
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "entity_id" TYPE text USING "entity_id"::text`);
    await queryRunner.query(`CREATE INDEX "audit_entry_entity_idx" ON "audit_entry"  ("entity", "entity_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_entry_entity_idx"`);
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "entity_id" !~ '^[0-9a-f-]{36}$'`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "entity_id" TYPE uuid USING "entity_id"::uuid`);
    await queryRunner.query(`CREATE INDEX "audit_entry_entity_idx" ON "audit_entry" USING btree ("entity", "entity_id") `);
  }
}
