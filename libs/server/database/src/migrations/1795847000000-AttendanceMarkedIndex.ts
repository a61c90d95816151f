import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance by when it last changed: the feedback sweep asks whoever was marked present
 * lately, however long after their session's round that was.
 */
export class AttendanceMarkedIndex1795847000000 implements MigrationInterface {
  name = 'AttendanceMarkedIndex1795847000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "attendance_updated_idx" ON "attendance" ("updated_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."attendance_updated_idx"`);
  }
}
