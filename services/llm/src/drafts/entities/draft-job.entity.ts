import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { DraftFailed, DraftGenerated } from '@deskpilot/contracts';

export type DraftJobState = 'running' | 'generated' | 'failed';

/** One draft request, so that a redelivered request is answered once. */
@Entity({ name: 'draft_jobs' })
export class DraftJobEntity {
  @PrimaryColumn({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 64 })
  ticketId!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: DraftJobState;

  @Column({ name: 'interaction_id', type: 'uuid' })
  interactionId!: string;

  /** The event published for the outcome, published again on redelivery. */
  @Column({ type: 'jsonb', nullable: true })
  result!: DraftGenerated | DraftFailed | null;

  @Column({ name: 'claimed_at', type: 'timestamptz' })
  claimedAt!: Date;
}
