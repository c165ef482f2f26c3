import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A draft a reviewer had written from chosen knowledge-base documents keeps their ids. */
export class DraftSourceDocuments1796900000000 implements MigrationInterface {
  name = 'DraftSourceDocuments1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "whmcs_sync"."drafts" ADD COLUMN "source_document_ids" uuid[]`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "whmcs_sync"."drafts" DROP COLUMN "source_document_ids"`);
  }
}
