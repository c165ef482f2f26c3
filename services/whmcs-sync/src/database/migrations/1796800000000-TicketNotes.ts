import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mirror keeps each ticket's WHMCS staff notes, for the reviewer. */
export class TicketNotes1796800000000 implements MigrationInterface {
  name = 'TicketNotes1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."tickets" ADD COLUMN "notes" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."tickets" DROP COLUMN "notes"`);
  }
}
