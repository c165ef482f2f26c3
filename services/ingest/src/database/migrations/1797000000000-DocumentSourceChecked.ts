import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a web document's address was last fetched, so that refreshes take the oldest first. */
export class DocumentSourceChecked1797000000000 implements MigrationInterface {
  name = 'DocumentSourceChecked1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ingest"."documents" ADD COLUMN "source_checked_at" timestamptz NULL`,
    );
    await queryRunner.query(
      `UPDATE "ingest"."documents" SET "source_checked_at" = "updated_at"
       WHERE "source_url" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest"."documents" DROP COLUMN "source_checked_at"`);
  }
}
