import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What happened on each attempt to post a reply: `intent` (written before calling WHMCS),
 * `accepted`, `refused` (403), `rejected` (WHMCS error, nothing stored), `unknown` (timeout, 5xx),
 * `confirmed` (found on re-read), `not-found` (re-read shows nothing was stored), `stale`.
 */
export type OutboundEvent =
  | 'intent'
  | 'accepted'
  | 'refused'
  | 'rejected'
  | 'unknown'
  | 'confirmed'
  | 'not-found'
  | 'stale'
  | 'gave-up';

@Entity({ name: 'outbound_reply_log' })
export class OutboundReplyLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'draft_id', type: 'uuid' })
  draftId!: string;

  @Column({ name: 'ticket_id', type: 'bigint' })
  ticketId!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'text' })
  event!: OutboundEvent;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'instance_id', type: 'text' })
  instanceId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
