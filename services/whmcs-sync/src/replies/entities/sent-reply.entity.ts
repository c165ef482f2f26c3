import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Actor } from '@deskpilot/contracts';

/** A reply posted to WHMCS, kept for reference with who approved it and how much it was edited. */
@Entity({ name: 'sent_replies' })
export class SentReply {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @Column({ name: 'ticket_id', type: 'bigint' })
  ticketId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'ai_text', type: 'text' })
  aiText!: string;

  @Column({ name: 'edit_ratio', type: 'double precision' })
  editRatio!: number;

  @Column({ name: 'approved_by', type: 'jsonb' })
  approvedBy!: Actor;

  @Column({ name: 'approved_at', type: 'timestamptz' })
  approvedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ name: 'post_as', type: 'text' })
  postAs!: string;

  /** The WHMCS status the reply set; null when WHMCS set its own (`Answered`). */
  @Column({ name: 'reply_status', type: 'varchar', length: 64, nullable: true })
  replyStatus!: string | null;

  @Column({ name: 'whmcs_reply_id', type: 'bigint', nullable: true })
  whmcsReplyId!: string | null;

  @Column({ name: 'confirmed_by', type: 'text' })
  confirmedBy!: 'response' | 'readback';
}
