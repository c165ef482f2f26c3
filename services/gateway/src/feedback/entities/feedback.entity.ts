import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { FeedbackRating } from '@deskpilot/contracts';

/** A user's rating of one answer; one per user and answer, replaced on change. */
@Entity({ name: 'feedback' })
export class FeedbackEntity {
  @PrimaryColumn('uuid', { name: 'message_id' })
  messageId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('uuid', { name: 'interaction_id' })
  interactionId!: string;

  @Column('varchar', { length: 4 })
  rating!: FeedbackRating;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { name: 'given_at' })
  givenAt!: Date;
}
