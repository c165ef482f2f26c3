import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versions saved before questions could be translated for the search get the setting on, as
 * every version since has it unless turned off.
 */
export class BotSettingsTranslateQuestions1797600000000 implements MigrationInterface {
  name = 'BotSettingsTranslateQuestions1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "gateway"."bot_settings_versions"
          SET "settings" = "settings" || '{"translateQuestions": true}'::jsonb
        WHERE NOT "settings" ? 'translateQuestions'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "gateway"."bot_settings_versions"
          SET "settings" = "settings" - 'translateQuestions'`,
    );
  }
}
