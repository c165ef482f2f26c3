import type { QueryRunner } from 'typeorm';

import type { TextLanguage } from '@deskpilot/text';
import { detectLanguage } from '@deskpilot/text';

/* The opening of a document is enough to tell its language (`detectLanguage` reads 2,000 words). */
const SAMPLE_CHARACTERS = 20_000;

/**
 * Tells the language of the documents whose chunks are still analysed as English and moves those
 * found in one of `languages` to it. A document is told from its chunks' text as a whole; the
 * chunks changed get a new change number, so every replica's indexes take them up.
 */
export async function tellChunkLanguages(
  queryRunner: QueryRunner,
  languages: readonly TextLanguage[],
): Promise<void> {
  const documents = (await queryRunner.query(
    `SELECT "document_id",
            left(max("document_title") || E'\\n' || string_agg("text", E'\\n' ORDER BY "chunk_index"), $1) AS "sample"
     FROM "retrieval"."chunks" WHERE "language" = 'english'::regconfig
     GROUP BY "document_id"`,
    [SAMPLE_CHARACTERS],
  )) as { document_id: string; sample: string }[];
  for (const language of languages) {
    const told = documents
      .filter((document) => detectLanguage(document.sample) === language)
      .map((document) => document.document_id);
    if (told.length > 0) {
      await queryRunner.query(
        `UPDATE "retrieval"."chunks"
         SET "language" = $2::regconfig, "change_seq" = nextval('"retrieval"."chunk_change_seq"')
         WHERE "document_id" = ANY($1::uuid[])`,
        [told, language],
      );
    }
  }
}
