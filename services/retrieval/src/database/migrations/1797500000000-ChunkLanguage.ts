import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each chunk's full-text vector is made with the text search configuration of its language
 * (`english` or `german`), so German articles are found by the stems of German questions. Chunks
 * stored before start as English; the next migration tells their language.
 */
export class ChunkLanguage1797500000000 implements MigrationInterface {
  name = 'ChunkLanguage1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "retrieval"."chunks" ADD COLUMN "language" regconfig NOT NULL DEFAULT 'english'`,
    );
    await this.searchVector(queryRunner, `"language"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.searchVector(queryRunner, `'english'::regconfig`);
    await queryRunner.query(`ALTER TABLE "retrieval"."chunks" DROP COLUMN "language"`);
  }

  /** Title A, heading path B, body D, each analysed by `configuration`. */
  private async searchVector(queryRunner: QueryRunner, configuration: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retrieval"."chunks" DROP COLUMN "search"`);
    await queryRunner.query(`
      ALTER TABLE "retrieval"."chunks" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(${configuration}, "document_title"), 'A') ||
        setweight(to_tsvector(${configuration}, "heading_text"), 'B') ||
        setweight(to_tsvector(${configuration}, "text"), 'D')
      ) STORED`);
  }
}
