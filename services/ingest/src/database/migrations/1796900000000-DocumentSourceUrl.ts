import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A document imported from the web keeps the address it was fetched from, to refresh it. */
export class DocumentSourceUrl1796900000000 implements MigrationInterface {
  name = 'DocumentSourceUrl1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest"."documents" ADD COLUMN "source_url" text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest"."documents" DROP COLUMN "source_url"`);
  }
}
