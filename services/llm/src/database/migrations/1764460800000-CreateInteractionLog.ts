import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The interaction log, feedback copies, received bot settings and draft jobs. */
export class CreateInteractionLog1764460800000 implements MigrationInterface {
  name = 'CreateInteractionLog1764460800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "llm"."interactions" (
        "id" uuid PRIMARY KEY,
        "kind" varchar(16) NOT NULL,
        "user_id" varchar(128),
        "conversation_id" varchar(128),
        "draft_id" uuid,
        "ticket_id" varchar(64),
        "question" text NOT NULL,
        "settings_version" integer,
        "settings" jsonb,
        "requested_model" varchar(200),
        "fallback_models" jsonb NOT NULL DEFAULT '[]',
        "model" varchar(200),
        "offline" boolean NOT NULL DEFAULT false,
        "retrieved" jsonb NOT NULL DEFAULT '[]',
        "prompt" jsonb NOT NULL DEFAULT '[]',
        "answer" text NOT NULL DEFAULT '',
        "citations" jsonb NOT NULL DEFAULT '[]',
        "flags" jsonb,
        "confidence" real,
        "generation_id" varchar(100),
        "prompt_tokens" integer,
        "completion_tokens" integer,
        "total_tokens" integer,
        "cost_usd" double precision,
        "first_token_ms" integer,
        "total_ms" integer,
        "attempts" integer NOT NULL DEFAULT 0,
        "outcome" varchar(16) NOT NULL DEFAULT 'pending',
        "failure_reason" varchar(32),
        "failure_message" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz
      )`);
    await runner.query(
      `CREATE INDEX "interactions_created_idx" ON "llm"."interactions" ("created_at", "id")`,
    );
    await runner.query(`CREATE INDEX "interactions_user_idx" ON "llm"."interactions" ("user_id")`);
    await runner.query(
      `CREATE INDEX "interactions_draft_idx" ON "llm"."interactions" ("draft_id")`,
    );
    await runner.query(
      `CREATE INDEX "interactions_outcome_idx" ON "llm"."interactions" ("outcome")`,
    );
    await runner.query(`
      CREATE TABLE "llm"."interaction_feedback" (
        "interaction_id" uuid NOT NULL,
        "user_id" varchar(128) NOT NULL,
        "rating" varchar(8),
        "comment" text,
        "given_at" timestamptz NOT NULL,
        PRIMARY KEY ("interaction_id", "user_id")
      )`);
    await runner.query(`
      CREATE TABLE "llm"."bot_settings_versions" (
        "version" integer PRIMARY KEY,
        "settings" jsonb NOT NULL,
        "changed_by" varchar(200),
        "changed_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE "llm"."draft_jobs" (
        "draft_id" uuid PRIMARY KEY,
        "ticket_id" varchar(64) NOT NULL,
        "state" varchar(16) NOT NULL,
        "interaction_id" uuid NOT NULL,
        "result" jsonb,
        "claimed_at" timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "llm"."draft_jobs"`);
    await runner.query(`DROP TABLE "llm"."bot_settings_versions"`);
    await runner.query(`DROP TABLE "llm"."interaction_feedback"`);
    await runner.query(`DROP TABLE "llm"."interactions"`);
  }
}
