import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a web document's address stopped answering, and since when, for the console to show. */
export class DocumentSourceError1797100000000 implements MigrationInterface {
  name = 'DocumentSourceError1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ingest"."documents"
         ADD COLUMN "source_error" text NULL,
         ADD COLUMN "source_failing_since" timestamptz NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ingest"."documents"
         DROP COLUMN "source_error",
         DROP COLUMN "source_failing_since"`,
    );
  }
}
