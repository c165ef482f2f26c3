import type { MigrationInterface, QueryRunner } from 'typeorm';

import { tellChunkLanguages } from './chunk-language-detection';

/**
 * Tells the language of the documents indexed before chunks had one, so that German articles
 * already in the knowledge base are searched with German stems without being indexed again.
 */
export class DetectChunkLanguage1797510000000 implements MigrationInterface {
  name = 'DetectChunkLanguage1797510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await tellChunkLanguages(queryRunner, ['german']);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "retrieval"."chunks"
       SET "language" = 'english', "change_seq" = nextval('"retrieval"."chunk_change_seq"')
       WHERE "language" <> 'english'::regconfig`,
    );
  }
}
