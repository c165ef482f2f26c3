import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { CustomerContext, TicketNote } from '@deskpilot/contracts';

/** A WHMCS ticket as last seen: list fields from GetTickets, thread facts from GetTicket. */
@Entity({ name: 'tickets' })
export class MirroredTicket {
  /** WHMCS internal ticket id. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  /** Customer-visible ticket number (`tid`). */
  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'department_id', type: 'bigint' })
  departmentId!: string;

  @Column({ name: 'department_name', type: 'text' })
  departmentName!: string;

  /** WHMCS client id; `"0"` for a guest. */
  @Column({ name: 'client_id', type: 'bigint' })
  clientId!: string;

  @Column({ name: 'customer_name', type: 'text' })
  customerName!: string;

  @Column({ name: 'customer_email', type: 'text' })
  customerEmail!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  priority!: string;

  @Column({ name: 'opened_raw', type: 'text' })
  openedRaw!: string;

  /** As WHMCS sent it: server-local time without a zone. */
  @Column({ name: 'last_reply_raw', type: 'text' })
  lastReplyRaw!: string;

  @Column({ name: 'last_reply_at', type: 'timestamptz', nullable: true })
  lastReplyAt!: Date | null;

  /** In WHMCS's Awaiting Reply set at the last poll. */
  @Column({ type: 'boolean' })
  awaiting!: boolean;

  /** `status|lastreply` from the last GetTickets listing. */
  @Column({ name: 'list_signature', type: 'text', nullable: true })
  listSignature!: string | null;

  /** The listing signature when the thread was last read with GetTicket. */
  @Column({ name: 'fetched_signature', type: 'text', nullable: true })
  fetchedSignature!: string | null;

  @Column({ name: 'fetched_at', type: 'timestamptz', nullable: true })
  fetchedAt!: Date | null;

  @Column({ name: 'last_message_id', type: 'bigint', nullable: true })
  lastMessageId!: string | null;

  @Column({ name: 'last_message_from', type: 'text', nullable: true })
  lastMessageFrom!: 'customer' | 'staff' | null;

  @Column({ name: 'last_customer_message_id', type: 'bigint', nullable: true })
  lastCustomerMessageId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  customer!: CustomerContext | null;

  /** WHMCS staff notes as of the last thread read, oldest first (entities decoded). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes!: TicketNote[];

  @Column({ name: 'customer_fetched_at', type: 'timestamptz', nullable: true })
  customerFetchedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
