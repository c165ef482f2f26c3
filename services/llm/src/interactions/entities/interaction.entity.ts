import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type {
  AnswerFlags,
  BotSettingsValues,
  Citation,
  FailureReason,
  InteractionKind,
  InteractionOutcome,
  PromptMessage,
} from '@deskpilot/contracts';

export interface RetrievedChunkRecord {
  readonly index: number;
  readonly chunkId: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly documentVersion: number;
  readonly score: number;
  readonly denseScore: number | null;
  readonly lexicalScore: number | null;
}

/** One answer, chat or draft: what was asked, what reached the model, what came back. */
@Entity({ name: 'interactions' })
@Index('interactions_created_idx', ['createdAt', 'id'])
export class InteractionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: InteractionKind;

  @Index('interactions_user_idx')
  @Column({ name: 'user_id', type: 'varchar', length: 128, nullable: true })
  userId!: string | null;

  @Column({ name: 'conversation_id', type: 'varchar', length: 128, nullable: true })
  conversationId!: string | null;

  @Index('interactions_draft_idx')
  @Column({ name: 'draft_id', type: 'uuid', nullable: true })
  draftId!: string | null;

  @Column({ name: 'ticket_id', type: 'varchar', length: 64, nullable: true })
  ticketId!: string | null;

  /** The drafted ticket's subject, redacted; null for chat and the playground. */
  @Column({ name: 'ticket_subject', type: 'text', nullable: true })
  ticketSubject!: string | null;

  /** Redacted. */
  @Column({ type: 'text' })
  question!: string;

  @Column({ name: 'settings_version', type: 'integer', nullable: true })
  settingsVersion!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  settings!: BotSettingsValues | null;

  @Column({ name: 'requested_model', type: 'varchar', length: 200, nullable: true })
  requestedModel!: string | null;

  @Column({ name: 'fallback_models', type: 'jsonb', default: () => "'[]'" })
  fallbackModels!: string[];

  /** The model that served the answer. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  model!: string | null;

  @Column({ type: 'boolean', default: false })
  offline!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  retrieved!: RetrievedChunkRecord[];

  /** The messages as sent to the model, redacted. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  prompt!: PromptMessage[];

  @Column({ type: 'text', default: '' })
  answer!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  citations!: Citation[];

  @Column({ type: 'jsonb', nullable: true })
  flags!: AnswerFlags | null;

  @Column({ type: 'real', nullable: true })
  confidence!: number | null;

  @Column({ name: 'generation_id', type: 'varchar', length: 100, nullable: true })
  generationId!: string | null;

  @Column({ name: 'prompt_tokens', type: 'integer', nullable: true })
  promptTokens!: number | null;

  @Column({ name: 'completion_tokens', type: 'integer', nullable: true })
  completionTokens!: number | null;

  @Column({ name: 'total_tokens', type: 'integer', nullable: true })
  totalTokens!: number | null;

  @Column({ name: 'cost_usd', type: 'double precision', nullable: true })
  costUsd!: number | null;

  @Column({ name: 'first_token_ms', type: 'integer', nullable: true })
  firstTokenMs!: number | null;

  @Column({ name: 'total_ms', type: 'integer', nullable: true })
  totalMs!: number | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Index('interactions_outcome_idx')
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  outcome!: InteractionOutcome;

  @Column({ name: 'failure_reason', type: 'varchar', length: 32, nullable: true })
  failureReason!: FailureReason | null;

  @Column({ name: 'failure_message', type: 'text', nullable: true })
  failureMessage!: string | null;

  /** Set by the service (millisecond precision), so list cursors compare exactly. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
