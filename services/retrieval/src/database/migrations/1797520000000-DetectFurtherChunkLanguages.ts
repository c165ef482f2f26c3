import type { MigrationInterface, QueryRunner } from 'typeorm';

import { tellChunkLanguages } from './chunk-language-detection';

const LANGUAGES = ['french', 'spanish', 'italian', 'portuguese', 'dutch'] as const;

/**
 * Tells the French, Spanish, Italian, Portuguese and Dutch articles that were analysed as
 * English before search read those languages, so that they are searched with their own stems
 * without being indexed again.
 */
export class DetectFurtherChunkLanguages1797520000000 implements MigrationInterface {
  name = 'DetectFurtherChunkLanguages1797520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await tellChunkLanguages(queryRunner, LANGUAGES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "retrieval"."chunks"
       SET "language" = 'english', "change_seq" = nextval('"retrieval"."chunk_change_seq"')
       WHERE "language" = ANY($1::regconfig[])`,
      [LANGUAGES],
    );
  }
}
