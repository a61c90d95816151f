import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client user is a trainer exactly while a qualification of theirs is valid, computed on each
 * request; the role qualifying once appended stays no longer. Vendor trainers keep theirs. Someone
 * left with no role at all is a trainee, as every client user is.
 */
export class ClientTrainerRoleComputed1795846000000 implements MigrationInterface {
  name = 'ClientTrainerRoleComputed1795846000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "app_user" u
          SET "roles" = CASE WHEN cardinality(array_remove(u."roles", 'trainer')) = 0 THEN ARRAY['trainee']::text[]
                             ELSE array_remove(u."roles", 'trainer') END,
              "updated_at" = now()
         FROM "organization" o
        WHERE o."id" = u."organization_id" AND o."kind" = 'client' AND 'trainer' = ANY(u."roles")`,
    );
  }

  /** Gives the stored role back to those the old rule would have given it: who holds a valid qualification now. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "app_user" u
          SET "roles" = array_append(u."roles", 'trainer'), "updated_at" = now()
         FROM "organization" o
        WHERE o."id" = u."organization_id" AND o."kind" = 'client' AND NOT ('trainer' = ANY(u."roles"))
          AND EXISTS (SELECT 1 FROM "qualification" q
                       WHERE q."user_id" = u."id" AND q."status" = 'qualified'
                         AND (q."expires_at" IS NULL OR q."expires_at" > now()))`,
    );
  }
}
