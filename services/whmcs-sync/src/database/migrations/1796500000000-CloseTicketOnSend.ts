import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A reviewer may close the ticket with the reply: the draft and the sent reply keep the choice. */
export class CloseTicketOnSend1796500000000 implements MigrationInterface {
  name = 'CloseTicketOnSend1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."drafts" ADD COLUMN "close_ticket" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."sent_replies"
         ADD COLUMN "closed_ticket" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."sent_replies" DROP COLUMN "closed_ticket"`);
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."drafts" DROP COLUMN "close_ticket"`);
  }
}
