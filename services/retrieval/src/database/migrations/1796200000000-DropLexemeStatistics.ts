import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text ranking moved into each replica's memory (built from the stored `tsvector`s), which
 * keeps its own lexeme statistics: the statistics tables and the GIN index are no longer read.
 */
export class DropLexemeStatistics1796200000000 implements MigrationInterface {
  name = 'DropLexemeStatistics1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "retrieval"."chunks_search_idx"`);
    await queryRunner.query(`DROP TABLE "retrieval"."corpus_stats"`);
    await queryRunner.query(`DROP TABLE "retrieval"."lexemes"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "retrieval"."lexemes" (
        "lexeme" text PRIMARY KEY,
        "df" integer NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO "retrieval"."lexemes" ("lexeme", "df")
      SELECT (unnest("search")).lexeme, count(*)::int FROM "retrieval"."chunks" WHERE "live"
      GROUP BY 1`);
    await queryRunner.query(`
      CREATE TABLE "retrieval"."corpus_stats" (
        "id" smallint PRIMARY KEY CONSTRAINT "corpus_stats_single_row" CHECK ("id" = 1),
        "chunk_count" bigint NOT NULL,
        "token_total" bigint NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO "retrieval"."corpus_stats" ("id", "chunk_count", "token_total")
      SELECT 1, count(*), coalesce(sum("token_count"), 0) FROM "retrieval"."chunks" WHERE "live"`);
    await queryRunner.query(
      `CREATE INDEX "chunks_search_idx" ON "retrieval"."chunks" USING gin ("search") WHERE "live"`,
    );
  }
}
