import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import type { CustomerContext } from '@deskpilot/contracts';

import { MirroredMessage } from './entities/mirrored-message.entity';
import { MirroredTicket } from './entities/mirrored-ticket.entity';

/** The GetTickets fields of a ticket, with its listing signature. */
export type ListedTicketRow = Pick<
  MirroredTicket,
  | 'id'
  | 'number'
  | 'departmentId'
  | 'clientId'
  | 'customerName'
  | 'customerEmail'
  | 'subject'
  | 'status'
  | 'priority'
  | 'openedRaw'
  | 'lastReplyRaw'
  | 'lastReplyAt'
  | 'listSignature'
>;

/** A ticket as GetTicket showed it, ready to replace the mirrored thread. */
export interface ThreadRow {
  readonly ticket: Omit<
    MirroredTicket,
    'awaiting' | 'listSignature' | 'customer' | 'customerFetchedAt' | 'createdAt' | 'updatedAt'
  > & { readonly awaiting?: boolean };
  readonly messages: readonly MirroredMessage[];
}

const UPSERT_CHUNK = 200;

@Injectable()
export class TicketMirrorRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get tickets() {
    return this.dataSource.getRepository(MirroredTicket);
  }

  find(id: string): Promise<MirroredTicket | null> {
    return this.tickets.findOneBy({ id });
  }

  findMany(ids: readonly string[]): Promise<MirroredTicket[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.tickets.findBy({ id: In([...ids]) });
  }

  /** Upserts the listed tickets as awaiting, keeping what only GetTicket knows. */
  async recordListed(rows: readonly ListedTicketRow[]): Promise<void> {
    const now = new Date();
    for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
      const chunk = rows
        .slice(start, start + UPSERT_CHUNK)
        .map((row) => ({ ...row, awaiting: true, updatedAt: now }));
      await this.tickets.upsert(chunk, { conflictPaths: ['id'] });
    }
  }

  /** Tickets mirrored as awaiting that the latest listing no longer contains. */
  async awaitingIdsOutside(listedIds: readonly string[]): Promise<string[]> {
    const awaiting = await this.tickets.find({ select: { id: true }, where: { awaiting: true } });
    const listed = new Set(listedIds);
    return awaiting.map((ticket) => ticket.id).filter((id) => !listed.has(id));
  }

  /** Replaces the ticket's thread with what WHMCS returned, in one transaction. */
  async replaceThread(row: ThreadRow): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(MirroredTicket)
        .upsert({ ...row.ticket, updatedAt: new Date() }, { conflictPaths: ['id'] });
      await manager.delete(MirroredMessage, { ticketId: row.ticket.id });
      if (row.messages.length > 0) {
        await manager.insert(MirroredMessage, [...row.messages]);
      }
    });
  }

  async markNotAwaiting(id: string): Promise<void> {
    await this.tickets.update({ id }, { awaiting: false, updatedAt: new Date() });
  }

  thread(ticketId: string): Promise<MirroredMessage[]> {
    return this.dataSource
      .getRepository(MirroredMessage)
      .find({ where: { ticketId }, order: { position: 'ASC' } });
  }

  async saveCustomer(id: string, customer: CustomerContext): Promise<void> {
    await this.tickets.update({ id }, { customer, customerFetchedAt: new Date() });
  }

  countAwaiting(): Promise<number> {
    return this.tickets.countBy({ awaiting: true });
  }

  /**
   * Deletes up to `limit` tickets that await no reply and have not changed since `cutoff`, with
   * their thread, drafts, sent replies and outbound log; a ticket with a draft changed since then
   * or still on its way (pending, approved, sending) stays. Resolves how many tickets went.
   */
  async deleteSettledBefore(cutoff: Date, limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT t."id" FROM "whmcs_sync"."tickets" t
          WHERE NOT t."awaiting" AND t."updated_at" < $1
            AND NOT EXISTS (
              SELECT 1 FROM "whmcs_sync"."drafts" d
               WHERE d."ticket_id" = t."id"
                 AND (d."updated_at" >= $1 OR d."status" IN ('pending', 'approved', 'sending')))
          ORDER BY t."updated_at"
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [cutoff, limit],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) {
        return 0;
      }
      // Sent replies refer to their drafts without a cascade: they go first, then the ticket
      // takes its messages and drafts with it.
      await manager.query(
        `DELETE FROM "whmcs_sync"."outbound_reply_log" WHERE "ticket_id" = ANY($1::bigint[])`,
        [ids],
      );
      await manager.query(
        `DELETE FROM "whmcs_sync"."sent_replies" WHERE "ticket_id" = ANY($1::bigint[])`,
        [ids],
      );
      await manager.delete(MirroredTicket, { id: In(ids) });
      return ids.length;
    });
  }
}
