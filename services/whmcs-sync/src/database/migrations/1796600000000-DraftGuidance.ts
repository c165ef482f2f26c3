import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A draft asked for again with the reviewer's guidance keeps the guidance. */
export class DraftGuidance1796600000000 implements MigrationInterface {
  name = 'DraftGuidance1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."drafts" ADD COLUMN "guidance" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."drafts" DROP COLUMN "guidance"`);
  }
}
