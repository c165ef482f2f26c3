import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions saved before follow-up questions could be rewritten for the search get the setting
 * on, as every version since has it unless turned off.
 */
export class BotSettingsRewriteFollowUps1797700000000 implements MigrationInterface {
  name = 'BotSettingsRewriteFollowUps1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "gateway"."bot_settings_versions"
          SET "settings" = "settings" || '{"rewriteFollowUps": true}'::jsonb
        WHERE NOT "settings" ? 'rewriteFollowUps'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "gateway"."bot_settings_versions"
          SET "settings" = "settings" - 'rewriteFollowUps'`,
    );
  }
}
