import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationChannels1795838872724 implements MigrationInterface {
  name = 'NotificationChannels1795838872724';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "event" text NOT NULL, "email" boolean NOT NULL, CONSTRAINT "PK_62f140e4e305548509a3c40b3b0" PRIMARY KEY ("user_id", "event"))`);
    await queryRunner.query(`CREATE TABLE "outgoing_email" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event" text NOT NULL, "to_address" text NOT NULL, "locale" text NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "attachments" jsonb NOT NULL DEFAULT '[]'::jsonb, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_605a0f5b3ad20ab2aa422147a65" UNIQUE ("dedupe_key"), CONSTRAINT "PK_cfdf142b838062345830395e90f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outgoing_email_user_idx" ON "outgoing_email"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "webhook" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "events" text array NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "consecutive_failures" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "disabled_reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_org_idx" ON "webhook"  ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "event" text NOT NULL, "body" text NOT NULL, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_211fc36dfd16d4e7532c22c5f60" UNIQUE ("dedupe_key"), CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_webhook_idx" ON "webhook_delivery"  ("webhook_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "webhook_delivery_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "webhook_id" uuid NOT NULL, "attempt" integer NOT NULL, "ok" boolean NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6efad829bd07e78a18fd0ad5d5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_attempt_delivery_idx" ON "webhook_delivery_attempt"  ("delivery_id", "attempt") `);
    await queryRunner.query(`CREATE INDEX "webhook_attempt_webhook_idx" ON "webhook_delivery_attempt"  ("webhook_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery_attempt" ADD CONSTRAINT "FK_d6b1ad59ea81fa8680d8e7cab82" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_delivery_attempt" DROP CONSTRAINT "FK_d6b1ad59ea81fa8680d8e7cab82"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_attempt_webhook_idx"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_attempt_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_webhook_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_org_idx"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP INDEX "public"."outgoing_email_user_idx"`);
    await queryRunner.query(`DROP TABLE "outgoing_email"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
  }
}
