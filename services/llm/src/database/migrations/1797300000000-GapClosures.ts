import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weak answers an administrator took off the knowledge gaps: an article was written for them, or
 * they are not knowledge questions. A closure goes with its log entry.
 */
export class GapClosures1797300000000 implements MigrationInterface {
  name = 'GapClosures1797300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "llm"."gap_closures" (
        "interaction_id" uuid PRIMARY KEY
          REFERENCES "llm"."interactions" ("id") ON DELETE CASCADE,
        "resolution" varchar(16) NOT NULL CHECK ("resolution" IN ('article', 'dismissed')),
        "document_id" uuid,
        "closed_by" varchar(128) NOT NULL,
        "closed_at" timestamptz NOT NULL DEFAULT now(),
        CHECK (("resolution" = 'article') = ("document_id" IS NOT NULL))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "llm"."gap_closures"`);
  }
}
