import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topics an administrator dismissed for good: the new questions about one are closed as they are
 * logged. A topic is kept as the mean of its questions' word weights (stems), not their text, so it
 * outlives the log entries it was made from without keeping what customers wrote. A closure made
 * by a topic names it; giving the topic up leaves those closures in place.
 */
export class DismissedTopics1797400000000 implements MigrationInterface {
  name = 'DismissedTopics1797400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "llm"."dismissed_topics" (
        "id" uuid PRIMARY KEY,
        "terms" jsonb NOT NULL,
        "centroid" jsonb NOT NULL,
        "dismissed_by" varchar(128) NOT NULL,
        "dismissed_by_name" varchar(200) NOT NULL,
        "dismissed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      ALTER TABLE "llm"."gap_closures"
        ADD COLUMN "topic_id" uuid REFERENCES "llm"."dismissed_topics" ("id") ON DELETE SET NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "llm"."gap_closures" DROP COLUMN "topic_id"`);
    await runner.query(`DROP TABLE "llm"."dismissed_topics"`);
  }
}
