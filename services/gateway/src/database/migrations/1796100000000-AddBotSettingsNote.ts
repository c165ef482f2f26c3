import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a settings version was saved, as its author wrote it. */
export class AddBotSettingsNote1796100000000 implements MigrationInterface {
  name = 'AddBotSettingsNote1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "gateway"."bot_settings_versions" ADD COLUMN "note" varchar(500) NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gateway"."bot_settings_versions" DROP COLUMN "note"`);
  }
}
