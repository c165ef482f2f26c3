import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The subject of the ticket a draft answers, so the log and the knowledge gaps can show it. */
export class InteractionTicketSubject1797200000000 implements MigrationInterface {
  name = 'InteractionTicketSubject1797200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "llm"."interactions" ADD COLUMN "ticket_subject" text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "llm"."interactions" DROP COLUMN "ticket_subject"`);
  }
}
