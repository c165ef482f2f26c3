import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Actor } from '@deskpilot/contracts';

export type SyncAlertKind = 'whmcs-forbidden' | 'send-failed';

/** Something an operator must see: a 403 that stopped polling, a reply that could not be posted. */
@Entity({ name: 'sync_alerts' })
export class SyncAlertRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: SyncAlertKind;

  @Column({ type: 'text' })
  message!: string;

  /** The WHMCS URL and credential in force when raised (a hash, no secret). */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'jsonb', nullable: true })
  resolvedBy!: Actor | null;
}
