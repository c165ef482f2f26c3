import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { BotSettingsValues } from '@deskpilot/contracts';

import { BotSettingsVersionEntity } from './entities/bot-settings-version.entity';

interface VersionRow {
  version: number;
  settings: BotSettingsValues;
  author_id: string | null;
  author_email: string | null;
  restored_from: number | null;
  note: string | null;
  created_at: Date;
}

@Injectable()
export class BotSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  latest(): Promise<BotSettingsVersionEntity | null> {
    return this.dataSource.manager.findOne(BotSettingsVersionEntity, {
      where: {},
      order: { version: 'DESC' },
    });
  }

  find(version: number): Promise<BotSettingsVersionEntity | null> {
    return this.dataSource.manager.findOne(BotSettingsVersionEntity, { where: { version } });
  }

  /** Newest first. */
  findPage(offset: number, limit: number): Promise<[BotSettingsVersionEntity[], number]> {
    return this.dataSource.manager.findAndCount(BotSettingsVersionEntity, {
      order: { version: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  /**
   * Stores the settings as the next version in one statement; a concurrent save of the same
   * number fails on the primary key instead of overwriting.
   */
  async insertNext(
    change: Pick<
      BotSettingsVersionEntity,
      'settings' | 'authorId' | 'authorEmail' | 'restoredFrom' | 'note'
    >,
  ): Promise<BotSettingsVersionEntity> {
    const rows = await this.dataSource.query<VersionRow[]>(
      `INSERT INTO "gateway"."bot_settings_versions"
         ("version", "settings", "author_id", "author_email", "restored_from", "note", "created_at")
       SELECT COALESCE(MAX("version"), 0) + 1, $1::jsonb, $2, $3, $4, $5, now()
         FROM "gateway"."bot_settings_versions"
       RETURNING *`,
      [
        JSON.stringify(change.settings),
        change.authorId,
        change.authorEmail,
        change.restoredFrom,
        change.note,
      ],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new Error('The settings version was not stored');
    }
    return Object.assign(new BotSettingsVersionEntity(), {
      version: row.version,
      settings: row.settings,
      authorId: row.author_id,
      authorEmail: row.author_email,
      restoredFrom: row.restored_from,
      note: row.note,
      createdAt: new Date(row.created_at),
    });
  }
}
