import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments whose tickets get drafts, as an administrator chose them in the console (one
 * row; none, or null ids, for every department). WHMCS_DRAFT_DEPARTMENTS, when set, overrides it.
 */
export class DraftingDepartments1797000000000 implements MigrationInterface {
  name = 'DraftingDepartments1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "whmcs_sync"."drafting_departments" (
        "id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
        "department_ids" jsonb,
        "changed_by" varchar(200) NOT NULL,
        "changed_at" timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "whmcs_sync"."drafting_departments"`);
  }
}
