import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Repository } from 'typeorm';

import type { BotSettingsPublished } from '@deskpilot/contracts';

import { BotSettingsVersionEntity } from './entities/bot-settings-version.entity';

@Injectable()
export class BotSettingsRepository {
  private readonly versions: Repository<BotSettingsVersionEntity>;

  constructor(dataSource: DataSource) {
    this.versions = dataSource.getRepository(BotSettingsVersionEntity);
  }

  /** Stores a version once; a redelivered event changes nothing. */
  async saveIfNew(event: BotSettingsPublished): Promise<void> {
    await this.versions
      .createQueryBuilder()
      .insert()
      .values({
        version: event.version,
        settings: event.settings,
        changedBy: event.changedBy ?? null,
        changedAt: new Date(event.changedAt),
      })
      .orIgnore()
      .execute();
  }

  findLatest(): Promise<BotSettingsVersionEntity | null> {
    return this.versions.findOne({ where: {}, order: { version: 'DESC' } });
  }
}
