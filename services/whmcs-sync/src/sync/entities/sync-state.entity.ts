import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The poller's cursor and lease: which replica polls, and how the last polls went. */
@Entity({ name: 'sync_state' })
export class SyncState {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ name: 'lease_owner', type: 'text', nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_poll_at', type: 'timestamptz', nullable: true })
  lastPollAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_full_sync_at', type: 'timestamptz', nullable: true })
  lastFullSyncAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures!: number;

  @Column({ name: 'awaiting_count', type: 'integer' })
  awaitingCount!: number;

  @Column({ name: 'whmcs_version', type: 'text', nullable: true })
  whmcsVersion!: string | null;

  @Column({ name: 'api_admin_name', type: 'text', nullable: true })
  apiAdminName!: string | null;
}
