import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed drafts are now asked for again for a day after they were created, so that a model or
 * llm outage does not leave them to be regenerated one by one. Those of the last day that
 * failed before this are due now.
 */
export class RecoverFailedDrafts1796400000000 implements MigrationInterface {
  name = 'RecoverFailedDrafts1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "whmcs_sync"."drafts" SET "next_request_at" = now()
       WHERE "status" = 'failed' AND "next_request_at" IS NULL
         AND "created_at" > now() - interval '1 day'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "whmcs_sync"."drafts" SET "next_request_at" = NULL WHERE "status" = 'failed'`,
    );
  }
}
