import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Conversations with their messages, feedback on answers and versioned bot settings. */
export class CreateChat1796000000000 implements MigrationInterface {
  name = 'CreateChat1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."conversations" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "gateway"."users" ("id") ON DELETE CASCADE,
        "title" varchar(200) NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "conversations_user_updated_idx" ON "gateway"."conversations" ("user_id", "updated_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE "gateway"."messages" (
        "id" uuid PRIMARY KEY,
        "conversation_id" uuid NOT NULL REFERENCES "gateway"."conversations" ("id") ON DELETE CASCADE,
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "role" varchar(16) NOT NULL CONSTRAINT "messages_role_check" CHECK ("role" IN ('user', 'assistant')),
        "content" text NOT NULL,
        "status" varchar(16) NOT NULL CONSTRAINT "messages_status_check" CHECK ("status" IN ('complete', 'pending', 'failed', 'cancelled')),
        "interaction_id" uuid NULL CONSTRAINT "messages_interaction_id_key" UNIQUE,
        "citations" jsonb NOT NULL DEFAULT '[]',
        "confidence" double precision NULL,
        "flags" jsonb NULL,
        "offline" boolean NULL,
        "model" varchar(200) NULL,
        "settings_version" integer NULL,
        "failure" jsonb NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "messages_conversation_seq_idx" ON "gateway"."messages" ("conversation_id", "seq")`,
    );
    await queryRunner.query(`
      CREATE TABLE "gateway"."feedback" (
        "message_id" uuid NOT NULL REFERENCES "gateway"."messages" ("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "gateway"."users" ("id") ON DELETE CASCADE,
        "interaction_id" uuid NOT NULL,
        "rating" varchar(4) NOT NULL CONSTRAINT "feedback_rating_check" CHECK ("rating" IN ('up', 'down')),
        "comment" text NULL,
        "given_at" timestamptz NOT NULL,
        PRIMARY KEY ("message_id", "user_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."bot_settings_versions" (
        "version" integer PRIMARY KEY CONSTRAINT "bot_settings_versions_version_check" CHECK ("version" > 0),
        "settings" jsonb NOT NULL,
        "author_id" uuid NULL REFERENCES "gateway"."users" ("id") ON DELETE SET NULL,
        "author_email" varchar(254) NULL,
        "restored_from" integer NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."bot_settings_versions"`);
    await queryRunner.query(`DROP TABLE "gateway"."feedback"`);
    await queryRunner.query(`DROP TABLE "gateway"."messages"`);
    await queryRunner.query(`DROP TABLE "gateway"."conversations"`);
  }
}
