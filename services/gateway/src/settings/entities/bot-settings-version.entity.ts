import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { BotSettingsValues } from '@deskpilot/contracts';

/** One saved version of the bot settings; rows are only ever inserted. */
@Entity({ name: 'bot_settings_versions' })
export class BotSettingsVersionEntity {
  @PrimaryColumn('integer')
  version!: number;

  @Column('jsonb')
  settings!: BotSettingsValues;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId!: string | null;

  @Column('varchar', { name: 'author_email', length: 254, nullable: true })
  authorEmail!: string | null;

  @Column('integer', { name: 'restored_from', nullable: true })
  restoredFrom!: number | null;

  @Column('varchar', { length: 500, nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
