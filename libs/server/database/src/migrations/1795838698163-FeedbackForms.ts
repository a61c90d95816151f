import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackForms1795838698163 implements MigrationInterface {
  name = 'FeedbackForms1795838698163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "feedback_form_choice" ("target_id" uuid NOT NULL, "target_kind" text NOT NULL, "form_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "chosen_by" uuid, CONSTRAINT "PK_3aa94a0a808b7f89c5a71411f5f" PRIMARY KEY ("target_id"))`);
    await queryRunner.query(`CREATE TABLE "feedback_round" ("session_id" uuid NOT NULL, "form_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "requested" integer NOT NULL, CONSTRAINT "PK_49335de4c171a6db547fca332b1" PRIMARY KEY ("session_id"))`);
    await queryRunner.query(`CREATE TABLE "feedback_form" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "anonymous" boolean NOT NULL DEFAULT false, "items" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9f10aa166ef807ad2e838c84bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "feedback_form_org_idx" ON "feedback_form"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "feedback_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "form_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "user_id" uuid, "submitted_on" date NOT NULL, CONSTRAINT "PK_460a90032eebb635e073c7ba103" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "feedback_response_person_uq" ON "feedback_response"  ("session_id", "user_id") WHERE user_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "feedback_response_session_idx" ON "feedback_response"  ("session_id") `);
    await queryRunner.query(`CREATE TABLE "feedback_answer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "response_id" uuid NOT NULL, "item_id" text NOT NULL, "item_type" text NOT NULL, "about" text NOT NULL, "trainer_id" uuid, "number_value" numeric(4,1), "text_value" text, CONSTRAINT "PK_845609147a39b5aa34b9bce206e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "feedback_answer_trainer_idx" ON "feedback_answer"  ("trainer_id") `);
    await queryRunner.query(`CREATE TABLE "feedback_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "form_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "reminders_sent" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e0298311b1725f2803cf906739c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "feedback_request_user_idx" ON "feedback_request"  ("user_id", "requested_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "feedback_request_uq" ON "feedback_request"  ("session_id", "user_id") `);
    await queryRunner.query(`ALTER TABLE "feedback_answer" ADD CONSTRAINT "FK_63171e65ab8731d6b0e63e435b4" FOREIGN KEY ("response_id") REFERENCES "feedback_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feedback_answer" DROP CONSTRAINT "FK_63171e65ab8731d6b0e63e435b4"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_request_uq"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_request_user_idx"`);
    await queryRunner.query(`DROP TABLE "feedback_request"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_answer_trainer_idx"`);
    await queryRunner.query(`DROP TABLE "feedback_answer"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_response_session_idx"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_response_person_uq"`);
    await queryRunner.query(`DROP TABLE "feedback_response"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_form_org_idx"`);
    await queryRunner.query(`DROP TABLE "feedback_form"`);
    await queryRunner.query(`DROP TABLE "feedback_round"`);
    await queryRunner.query(`DROP TABLE "feedback_form_choice"`);
  }
}
