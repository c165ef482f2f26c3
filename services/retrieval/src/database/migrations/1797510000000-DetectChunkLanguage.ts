import type { MigrationInterface, QueryRunner } from 'typeorm';

import { detectLanguage } from '@deskpilot/text';

/* The opening of a document is enough to tell its language (`detectLanguage` reads 2,000 words). */
const SAMPLE_CHARACTERS = 20_000;

/**
 * Tells the language of the documents indexed before chunks had one, so that German articles
 * already in the knowledge base are searched with German stems without being indexed again. A
 * document is told from its chunks' text as a whole; the chunks changed get a new change number,
 * so every replica's indexes take them up.
 */
export class DetectChunkLanguage1797510000000 implements MigrationInterface {
  name = 'DetectChunkLanguage1797510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const documents = (await queryRunner.query(
      `SELECT "document_id",
              left(max("document_title") || E'\\n' || string_agg("text", E'\\n' ORDER BY "chunk_index"), $1) AS "sample"
       FROM "retrieval"."chunks" WHERE "language" = 'english'::regconfig
       GROUP BY "document_id"`,
      [SAMPLE_CHARACTERS],
    )) as { document_id: string; sample: string }[];
    const german = documents
      .filter((document) => detectLanguage(document.sample) === 'german')
      .map((document) => document.document_id);
    if (german.length > 0) {
      await queryRunner.query(
        `UPDATE "retrieval"."chunks"
         SET "language" = 'german', "change_seq" = nextval('"retrieval"."chunk_change_seq"')
         WHERE "document_id" = ANY($1::uuid[])`,
        [german],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "retrieval"."chunks"
       SET "language" = 'english', "change_seq" = nextval('"retrieval"."chunk_change_seq"')
       WHERE "language" <> 'english'::regconfig`,
    );
  }
}
