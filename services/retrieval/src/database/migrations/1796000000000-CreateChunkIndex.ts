import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chunk table behind hybrid search: text with a weighted full-text vector (title A, heading
 * path B, body D), the embedding with the id of the embedder that made it, and per-lexeme
 * document frequencies of the searchable chunks for BM25-style weighting.
 */
export class CreateChunkIndex1796000000000 implements MigrationInterface {
  name = 'CreateChunkIndex1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "retrieval"."documents" (
        "document_id" uuid PRIMARY KEY,
        "active_generation" integer NULL,
        "version" integer NULL,
        "title" text NOT NULL DEFAULT '',
        "chunk_count" integer NOT NULL DEFAULT 0,
        "removed_at" timestamptz NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE SEQUENCE "retrieval"."chunk_change_seq"`);
    await queryRunner.query(`
      CREATE TABLE "retrieval"."chunks" (
        "id" uuid PRIMARY KEY,
        "document_id" uuid NOT NULL,
        "generation" integer NOT NULL,
        "version" integer NOT NULL,
        "chunk_index" integer NOT NULL,
        "document_title" text NOT NULL,
        "heading_path" jsonb NOT NULL,
        "heading_text" text NOT NULL,
        "text" text NOT NULL,
        "token_count" integer NOT NULL,
        "embedding" bytea NOT NULL,
        "embedder_id" varchar(200) NOT NULL,
        "dimension" integer NOT NULL,
        "live" boolean NOT NULL DEFAULT false,
        "change_seq" bigint NOT NULL DEFAULT nextval('"retrieval"."chunk_change_seq"'),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "search" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, "document_title"), 'A') ||
          setweight(to_tsvector('english'::regconfig, "heading_text"), 'B') ||
          setweight(to_tsvector('english'::regconfig, "text"), 'D')
        ) STORED
      )`);
    await queryRunner.query(
      `CREATE INDEX "chunks_search_idx" ON "retrieval"."chunks" USING gin ("search") WHERE "live"`,
    );
    await queryRunner.query(
      `CREATE INDEX "chunks_document_idx" ON "retrieval"."chunks" ("document_id", "generation", "chunk_index")`,
    );
    await queryRunner.query(`
      CREATE TABLE "retrieval"."lexemes" (
        "lexeme" text PRIMARY KEY,
        "df" integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "retrieval"."corpus_stats" (
        "id" smallint PRIMARY KEY CONSTRAINT "corpus_stats_single_row" CHECK ("id" = 1),
        "chunk_count" bigint NOT NULL,
        "token_total" bigint NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO "retrieval"."corpus_stats" ("id", "chunk_count", "token_total") VALUES (1, 0, 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "retrieval"."corpus_stats"`);
    await queryRunner.query(`DROP TABLE "retrieval"."lexemes"`);
    await queryRunner.query(`DROP TABLE "retrieval"."chunks"`);
    await queryRunner.query(`DROP SEQUENCE "retrieval"."chunk_change_seq"`);
    await queryRunner.query(`DROP TABLE "retrieval"."documents"`);
  }
}
