import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

import type { BotSettingsValues } from '@deskpilot/contracts';

/** A bot settings version as the gateway published it; the highest is current. */
@Entity({ name: 'bot_settings_versions' })
export class BotSettingsVersionEntity {
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  settings!: BotSettingsValues;

  @Column({ name: 'changed_by', type: 'varchar', length: 200, nullable: true })
  changedBy!: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
