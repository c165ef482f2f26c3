import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reviewer picks the ticket's status after the reply from the install's statuses (On Hold,
 * In Progress, Closed, custom ones) instead of only closing it; replies that closed their ticket
 * keep that as status `Closed`.
 */
export class ReplyStatus1796700000000 implements MigrationInterface {
  name = 'ReplyStatus1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."drafts" ADD COLUMN "reply_status" character varying(64)`,
    );
    await queryRunner.query(
      `UPDATE "whmcs_sync"."drafts" SET "reply_status" = 'Closed' WHERE "close_ticket"`,
    );
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."drafts" DROP COLUMN "close_ticket"`);
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."sent_replies" ADD COLUMN "reply_status" character varying(64)`,
    );
    await queryRunner.query(
      `UPDATE "whmcs_sync"."sent_replies" SET "reply_status" = 'Closed' WHERE "closed_ticket"`,
    );
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."sent_replies" DROP COLUMN "closed_ticket"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."sent_replies"
         ADD COLUMN "closed_ticket" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "whmcs_sync"."sent_replies" SET "closed_ticket" = true
         WHERE lower("reply_status") = 'closed'`,
    );
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."sent_replies" DROP COLUMN "reply_status"`);
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."drafts" ADD COLUMN "close_ticket" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "whmcs_sync"."drafts" SET "close_ticket" = true WHERE lower("reply_status") = 'closed'`,
    );
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."drafts" DROP COLUMN "reply_status"`);
  }
}
