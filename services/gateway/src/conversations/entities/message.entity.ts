import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { AnswerFailure, AnswerFlags, ChatMessageStatus, Citation } from '@deskpilot/contracts';

@Entity({ name: 'messages' })
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  /** Insertion order within the database; messages of a conversation are read by it. */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq?: string;

  @Column('varchar', { length: 16 })
  role!: 'user' | 'assistant';

  @Column('text')
  content!: string;

  @Column('varchar', { length: 16 })
  status!: ChatMessageStatus;

  @Column('uuid', { name: 'interaction_id', nullable: true })
  interactionId!: string | null;

  @Column('jsonb', { default: [] })
  citations!: Citation[];

  @Column('double precision', { nullable: true })
  confidence!: number | null;

  @Column('jsonb', { nullable: true })
  flags!: AnswerFlags | null;

  @Column('boolean', { nullable: true })
  offline!: boolean | null;

  @Column('varchar', { length: 200, nullable: true })
  model!: string | null;

  @Column('integer', { name: 'settings_version', nullable: true })
  settingsVersion!: number | null;

  @Column('jsonb', { nullable: true })
  failure!: AnswerFailure | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
