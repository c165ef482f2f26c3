import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions with their rotating refresh tokens, login rate limits and the audit log. */
export class CreateAccounts1795995767554 implements MigrationInterface {
  name = 'CreateAccounts1795995767554';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."users" (
        "id" uuid PRIMARY KEY,
        "email" varchar(254) NOT NULL,
        "name" varchar(200) NOT NULL,
        "role" varchar(16) NOT NULL CONSTRAINT "users_role_check" CHECK ("role" IN ('admin', 'staff')),
        "password_hash" varchar(100) NOT NULL,
        "disabled" boolean NOT NULL DEFAULT false,
        "failed_login_count" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz NULL,
        "last_login_at" timestamptz NULL,
        "password_changed_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_email_key" ON "gateway"."users" (lower("email"))`,
    );
    await queryRunner.query(`
      CREATE TABLE "gateway"."sessions" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "gateway"."users" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz NULL,
        "revoked_reason" varchar(32) NULL,
        "ip" varchar(64) NULL,
        "user_agent" varchar(512) NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "sessions_user_active_idx" ON "gateway"."sessions" ("user_id") WHERE "revoked_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "sessions_expires_at_idx" ON "gateway"."sessions" ("expires_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "gateway"."refresh_tokens" (
        "id" uuid PRIMARY KEY,
        "session_id" uuid NOT NULL REFERENCES "gateway"."sessions" ("id") ON DELETE CASCADE,
        "token_hash" char(64) NOT NULL CONSTRAINT "refresh_tokens_token_hash_key" UNIQUE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "rotated_at" timestamptz NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "refresh_tokens_session_idx" ON "gateway"."refresh_tokens" ("session_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "gateway"."rate_limit_counters" (
        "key" varchar(200) PRIMARY KEY,
        "hits" integer NOT NULL,
        "window_ends_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "gateway"."audit_log" (
        "id" uuid PRIMARY KEY,
        "occurred_at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid NULL,
        "actor_email" varchar(254) NULL,
        "action" varchar(100) NOT NULL,
        "target_type" varchar(50) NULL,
        "target_id" varchar(200) NULL,
        "details" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "ip" varchar(64) NULL,
        "user_agent" varchar(512) NULL,
        "correlation_id" varchar(128) NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "audit_log_occurred_idx" ON "gateway"."audit_log" ("occurred_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_actor_idx" ON "gateway"."audit_log" ("actor_id", "occurred_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_actor_email_idx" ON "gateway"."audit_log" ("actor_email", "occurred_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_action_idx" ON "gateway"."audit_log" ("action" varchar_pattern_ops, "occurred_at" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."audit_log"`);
    await queryRunner.query(`DROP TABLE "gateway"."rate_limit_counters"`);
    await queryRunner.query(`DROP TABLE "gateway"."refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "gateway"."sessions"`);
    await queryRunner.query(`DROP TABLE "gateway"."users"`);
  }
}
