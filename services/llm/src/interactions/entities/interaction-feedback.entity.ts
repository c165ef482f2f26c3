import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { FeedbackRating } from '@deskpilot/contracts';

/** A user's latest feedback on an interaction, copied from the gateway's feedback events. */
@Entity({ name: 'interaction_feedback' })
export class InteractionFeedbackEntity {
  @PrimaryColumn({ name: 'interaction_id', type: 'uuid' })
  interactionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 128 })
  userId!: string;

  /** null once the user withdrew it (kept so an older event cannot bring it back). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  rating!: FeedbackRating | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt!: Date;
}
