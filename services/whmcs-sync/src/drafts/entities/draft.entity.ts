import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Actor, Citation, DraftFlags, DraftStatus } from '@deskpilot/contracts';

/** An AI draft answering one customer message, through review to the posted reply. */
@Entity({ name: 'drafts' })
export class Draft {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'ticket_id', type: 'bigint' })
  ticketId!: string;

  /** The customer message answered: WHMCS reply id, `"0"` for the opening message. */
  @Column({ name: 'based_on_reply_id', type: 'bigint' })
  basedOnReplyId!: string;

  @Column({ type: 'text' })
  status!: DraftStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ name: 'ai_text', type: 'text', nullable: true })
  aiText!: string | null;

  @Column({ name: 'human_text', type: 'text', nullable: true })
  humanText!: string | null;

  @Column({ type: 'jsonb' })
  citations!: Citation[];

  @Column({ type: 'double precision', nullable: true })
  confidence!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  flags!: DraftFlags | null;

  @Column({ type: 'boolean', nullable: true })
  offline!: boolean | null;

  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @Column({ name: 'settings_version', type: 'integer', nullable: true })
  settingsVersion!: number | null;

  @Column({ name: 'interaction_id', type: 'uuid', nullable: true })
  interactionId!: string | null;

  @Column({ name: 'request_attempts', type: 'integer' })
  requestAttempts!: number;

  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true })
  requestedAt!: Date | null;

  /** When a still-pending draft is asked for again. */
  @Column({ name: 'next_request_at', type: 'timestamptz', nullable: true })
  nextRequestAt!: Date | null;

  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt!: Date | null;

  @Column({ name: 'edited_by', type: 'jsonb', nullable: true })
  editedBy!: Actor | null;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'jsonb', nullable: true })
  approvedBy!: Actor | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'rejected_by', type: 'jsonb', nullable: true })
  rejectedBy!: Actor | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt!: Date | null;

  @Column({ name: 'edit_ratio', type: 'double precision', nullable: true })
  editRatio!: number | null;

  /**
   * The exact text posted (or being posted) to WHMCS: the approved text, then, from the first
   * attempt to post it, as the customer gets it (without citation markers, signed).
   */
  @Column({ name: 'send_text', type: 'text', nullable: true })
  sendText!: string | null;

  /** What the reviewer who asked for this draft told the drafter to do; null if nobody did. */
  @Column({ type: 'text', nullable: true })
  guidance!: string | null;

  /** The documents that reviewer had the draft written from, none else; null: all of them. */
  @Column({ name: 'source_document_ids', type: 'uuid', array: true, nullable: true })
  sourceDocumentIds!: string[] | null;

  /** The WHMCS status the reply sets (`Closed`, `On Hold`, ...); null: WHMCS's `Answered`. */
  @Column({ name: 'reply_status', type: 'varchar', length: 64, nullable: true })
  replyStatus!: string | null;

  /** `adminusername` of the post. */
  @Column({ name: 'post_as', type: 'text', nullable: true })
  postAs!: string | null;

  @Column({ name: 'send_attempts', type: 'integer' })
  sendAttempts!: number;

  @Column({ name: 'send_lease_owner', type: 'text', nullable: true })
  sendLeaseOwner!: string | null;

  @Column({ name: 'send_lease_until', type: 'timestamptz', nullable: true })
  sendLeaseUntil!: Date | null;

  /** Highest WHMCS reply id seen just before the post: our reply, if stored, comes after it. */
  @Column({ name: 'send_baseline_reply_id', type: 'bigint', nullable: true })
  sendBaselineReplyId!: string | null;

  /** Set (before calling WHMCS) when a post is attempted; cleared if WHMCS refused it. */
  @Column({ name: 'send_intent_at', type: 'timestamptz', nullable: true })
  sendIntentAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
