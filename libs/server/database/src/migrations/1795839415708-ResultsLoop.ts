import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResultsLoop1795839415708 implements MigrationInterface {
  name = 'ResultsLoop1795839415708';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "recognition_policy" ("organization_id" uuid NOT NULL, "excellent_threshold" numeric(5,2) NOT NULL, "name_excellent" boolean NOT NULL, "name_most_improved" boolean NOT NULL, "follow_up_recipients" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ba5727abad7eb01f4be51e3b86" PRIMARY KEY ("organization_id"))`);
    await queryRunner.query(`CREATE TABLE "results_release" ("exam_id" uuid NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL, "released_by" uuid, "trigger" text NOT NULL, "trainees" integer NOT NULL DEFAULT '0', "departments" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_c9c33f8a4d4b93971498826c116" PRIMARY KEY ("exam_id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "results_release"`);
    await queryRunner.query(`DROP TABLE "recognition_policy"`);
  }
}
