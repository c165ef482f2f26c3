import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language an administrator sets for a document whose opening misleads detection. */
export class DocumentLanguage1797600000000 implements MigrationInterface {
  name = 'DocumentLanguage1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ingest"."documents" ADD COLUMN "language" varchar(16) NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest"."documents" DROP COLUMN "language"`);
  }
}
