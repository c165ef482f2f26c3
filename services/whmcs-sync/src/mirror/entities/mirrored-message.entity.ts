import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One message of a mirrored thread; reply id `"0"` is the opening message. */
@Entity({ name: 'ticket_messages' })
export class MirroredMessage {
  @PrimaryColumn({ name: 'ticket_id', type: 'bigint' })
  ticketId!: string;

  @PrimaryColumn({ name: 'reply_id', type: 'bigint' })
  replyId!: string;

  /** Order in the thread, oldest first. */
  @Column({ type: 'integer' })
  position!: number;

  /** False for staff replies (WHMCS sets `admin` on them). */
  @Column({ name: 'from_customer', type: 'boolean' })
  fromCustomer!: boolean;

  @Column({ type: 'text' })
  author!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'requestor_type', type: 'text' })
  requestorType!: string;

  @Column({ name: 'date_raw', type: 'text' })
  dateRaw!: string;

  @Column({ name: 'date_at', type: 'timestamptz', nullable: true })
  dateAt!: Date | null;

  /** As WHMCS returned it, entity-encoded when the message came in by email. */
  @Column({ name: 'raw_text', type: 'text' })
  rawText!: string;

  /** HTML entities decoded once. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'jsonb' })
  attachments!: string[];
}
