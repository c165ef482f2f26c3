import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ticket mirror, drafts, sent replies with their outbound log, and the sync cursor and alerts. */
export class CreateTicketAnswering1795995914762 implements MigrationInterface {
  name = 'CreateTicketAnswering1795995914762';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."tickets" (
        "id" bigint PRIMARY KEY,
        "number" text NOT NULL,
        "department_id" bigint NOT NULL,
        "department_name" text NOT NULL DEFAULT '',
        "client_id" bigint NOT NULL DEFAULT 0,
        "customer_name" text NOT NULL DEFAULT '',
        "customer_email" text NOT NULL DEFAULT '',
        "subject" text NOT NULL,
        "status" text NOT NULL,
        "priority" text NOT NULL DEFAULT '',
        "opened_raw" text NOT NULL DEFAULT '',
        "last_reply_raw" text NOT NULL DEFAULT '',
        "last_reply_at" timestamptz,
        "awaiting" boolean NOT NULL DEFAULT false,
        "list_signature" text,
        "fetched_signature" text,
        "fetched_at" timestamptz,
        "last_message_id" bigint,
        "last_message_from" text,
        "last_customer_message_id" bigint,
        "customer" jsonb,
        "customer_fetched_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "tickets_awaiting_idx" ON "whmcs_sync"."tickets" ("awaiting", "last_reply_at" DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."ticket_messages" (
        "ticket_id" bigint NOT NULL REFERENCES "whmcs_sync"."tickets" ("id") ON DELETE CASCADE,
        "reply_id" bigint NOT NULL,
        "position" integer NOT NULL,
        "from_customer" boolean NOT NULL,
        "author" text NOT NULL,
        "email" text NOT NULL DEFAULT '',
        "requestor_type" text NOT NULL DEFAULT '',
        "date_raw" text NOT NULL,
        "date_at" timestamptz,
        "raw_text" text NOT NULL,
        "text" text NOT NULL,
        "attachments" jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY ("ticket_id", "reply_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."drafts" (
        "id" uuid PRIMARY KEY,
        "ticket_id" bigint NOT NULL REFERENCES "whmcs_sync"."tickets" ("id") ON DELETE CASCADE,
        "based_on_reply_id" bigint NOT NULL,
        "status" text NOT NULL,
        "status_reason" text,
        "ai_text" text,
        "human_text" text,
        "citations" jsonb NOT NULL DEFAULT '[]',
        "confidence" double precision,
        "flags" jsonb,
        "offline" boolean,
        "model" text,
        "settings_version" integer,
        "interaction_id" uuid,
        "request_attempts" integer NOT NULL DEFAULT 0,
        "requested_at" timestamptz,
        "next_request_at" timestamptz,
        "generated_at" timestamptz,
        "edited_by" jsonb,
        "edited_at" timestamptz,
        "approved_by" jsonb,
        "approved_at" timestamptz,
        "rejected_by" jsonb,
        "rejected_at" timestamptz,
        "edit_ratio" double precision,
        "send_text" text,
        "post_as" text,
        "send_attempts" integer NOT NULL DEFAULT 0,
        "send_lease_owner" text,
        "send_lease_until" timestamptz,
        "send_baseline_reply_id" bigint,
        "send_intent_at" timestamptz,
        "sent_at" timestamptz,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "drafts_status_check" CHECK ("status" IN
          ('pending', 'ready', 'approved', 'sending', 'sent', 'rejected', 'stale', 'failed'))
      )`);
    // One live draft per customer message; stale, rejected and failed ones are history.
    await queryRunner.query(`
      CREATE UNIQUE INDEX "drafts_one_live_per_message" ON "whmcs_sync"."drafts"
        ("ticket_id", "based_on_reply_id")
        WHERE "status" IN ('pending', 'ready', 'approved', 'sending', 'sent')`);
    await queryRunner.query(
      `CREATE INDEX "drafts_status_idx" ON "whmcs_sync"."drafts" ("status", "updated_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "drafts_ticket_idx" ON "whmcs_sync"."drafts" ("ticket_id", "created_at" DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."sent_replies" (
        "id" uuid PRIMARY KEY,
        "draft_id" uuid NOT NULL UNIQUE REFERENCES "whmcs_sync"."drafts" ("id"),
        "ticket_id" bigint NOT NULL,
        "text" text NOT NULL,
        "ai_text" text NOT NULL,
        "edit_ratio" double precision NOT NULL,
        "approved_by" jsonb NOT NULL,
        "approved_at" timestamptz NOT NULL,
        "sent_at" timestamptz NOT NULL,
        "post_as" text NOT NULL,
        "whmcs_reply_id" bigint,
        "confirmed_by" text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "sent_replies_sent_idx" ON "whmcs_sync"."sent_replies" ("sent_at" DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."outbound_reply_log" (
        "id" bigserial PRIMARY KEY,
        "draft_id" uuid NOT NULL,
        "ticket_id" bigint NOT NULL,
        "attempt" integer NOT NULL,
        "event" text NOT NULL,
        "detail" text,
        "instance_id" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbound_reply_log_draft_idx" ON "whmcs_sync"."outbound_reply_log" ("draft_id", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."sync_state" (
        "name" text PRIMARY KEY,
        "lease_owner" text,
        "lease_until" timestamptz,
        "last_poll_at" timestamptz,
        "last_success_at" timestamptz,
        "last_full_sync_at" timestamptz,
        "last_error" text,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "awaiting_count" integer NOT NULL DEFAULT 0,
        "whmcs_version" text,
        "api_admin_name" text
      )`);
    await queryRunner.query(`
      CREATE TABLE "whmcs_sync"."sync_alerts" (
        "id" uuid PRIMARY KEY,
        "kind" text NOT NULL,
        "message" text NOT NULL,
        "fingerprint" text NOT NULL,
        "raised_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_at" timestamptz,
        "resolved_by" jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX "sync_alerts_open_idx" ON "whmcs_sync"."sync_alerts" ("kind") WHERE "resolved_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "whmcs_sync"."sync_alerts"`);
    await queryRunner.query(`DROP TABLE "whmcs_sync"."sync_state"`);
    await queryRunner.query(`DROP TABLE "whmcs_sync"."outbound_reply_log"`);
    await queryRunner.query(`DROP TABLE "whmcs_sync"."sent_replies"`);
    await queryRunner.query(`DROP TABLE "whmcs_sync"."drafts"`);
    await queryRunner.query(`DROP TABLE "whmcs_sync"."ticket_messages"`);
    await queryRunner.query(`DROP TABLE "whmcs_sync"."tickets"`);
  }
}
