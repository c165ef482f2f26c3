import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fetches of web documents that outlive the gateway replica doing them: a claim is a lease that
 * runs out, and an administrator's request to fetch every page again stays until each is fetched.
 */
export class DocumentSourceLease1797200000000 implements MigrationInterface {
  name = 'DocumentSourceLease1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ingest"."documents"
         ADD COLUMN "source_claimed_until" timestamptz NULL,
         ADD COLUMN "source_refresh_requested_at" timestamptz NULL,
         ADD COLUMN "source_refresh_requested_by_id" varchar(200) NULL,
         ADD COLUMN "source_refresh_requested_by_name" varchar(200) NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ingest"."documents"
         DROP COLUMN "source_claimed_until",
         DROP COLUMN "source_refresh_requested_at",
         DROP COLUMN "source_refresh_requested_by_id",
         DROP COLUMN "source_refresh_requested_by_name"`,
    );
  }
}
