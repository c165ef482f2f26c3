import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pending drafts used to be recorded without a due time, which their request then set; a draft
 * whose request was never marked (the database went away in between) waited forever. They are
 * due now; every new pending draft is recorded with its due time.
 */
export class ScheduleUnsentDrafts1796300000000 implements MigrationInterface {
  name = 'ScheduleUnsentDrafts1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "whmcs_sync"."drafts" SET "next_request_at" = now()
       WHERE "status" = 'pending' AND "next_request_at" IS NULL`,
    );
  }

  async down(): Promise<void> {
    // A due time on a pending draft is valid in the earlier schema too: nothing to undo.
  }
}
