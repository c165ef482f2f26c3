import { Inject, Injectable } from '@nestjs/common';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { whmcsDateToInstant } from '../whmcs/whmcs-dates';
import type { TicketDetail, TicketListItem, TicketReply } from '../whmcs/whmcs-responses';
import { decodeEntities } from '../whmcs/whmcs-values';
import type { MirroredMessage } from './entities/mirrored-message.entity';
import { TicketMirrorRepository } from './ticket-mirror.repository';

export interface ListingChanges {
  /** Listed tickets whose thread must be read: new, or status/lastreply moved since the last read. */
  readonly changedIds: string[];
  /** Tickets that were awaiting and are no longer listed. */
  readonly departedIds: string[];
}

/** `lastreply` alone is not a reliable change signal, so the status is part of the signature. */
export function listingSignature(status: string, lastReply: string): string {
  return `${status}|${lastReply}`;
}

/** The status a listing signature was made with (`lastreply` is a date, without a bar). */
export function listedStatus(signature: string): string {
  return signature.slice(0, signature.lastIndexOf('|'));
}

/**
 * Staff replies carry the admin's name in `admin`; customer replies leave it empty. `userid` cannot
 * tell them apart (WHMCS gives staff replies the client's userid).
 */
export function isStaffReply(reply: Pick<TicketReply, 'admin' | 'requestor_type'>): boolean {
  return reply.admin.trim() !== '' || reply.requestor_type === 'Operator';
}

/** Keeps the mirror of WHMCS tickets and threads. */
@Injectable()
export class TicketMirrorService {
  constructor(
    private readonly repository: TicketMirrorRepository,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
  ) {}

  async recordListing(items: readonly TicketListItem[]): Promise<ListingChanges> {
    const ids = items.map((item) => item.id);
    const known = new Map((await this.repository.findMany(ids)).map((t) => [t.id, t]));
    const rows = items.map((item) => ({
      id: item.id,
      number: item.tid,
      departmentId: item.deptid,
      clientId: item.userid,
      customerName: decodeEntities(item.name),
      customerEmail: item.email,
      subject: decodeEntities(item.subject),
      status: item.status,
      priority: item.priority,
      openedRaw: item.date,
      lastReplyRaw: item.lastreply,
      lastReplyAt: this.instant(item.lastreply),
      listSignature: listingSignature(item.status, item.lastreply),
    }));
    const changedIds = rows
      .filter((row) => known.get(row.id)?.fetchedSignature !== row.listSignature)
      .map((row) => row.id);
    const departedIds = await this.repository.awaitingIdsOutside(ids);
    // Most polls see most tickets unchanged: only new or moved ones are written.
    await this.repository.recordListed(
      rows.filter((row) => {
        const before = known.get(row.id);
        return (
          before === undefined || !before.awaiting || before.listSignature !== row.listSignature
        );
      }),
    );
    return { changedIds, departedIds };
  }

  /**
   * Stores a GetTicket answer. `awaiting` is known from the listing; a read made for another
   * reason (approval, send check) leaves it as it was.
   */
  async recordThread(detail: TicketDetail, awaiting?: boolean): Promise<void> {
    const messages = detail.replies
      .map((reply, index) => this.message(detail.ticketid, reply, index))
      .sort((a, b) => Number(a.replyId) - Number(b.replyId));
    messages.forEach((message, position) => {
      message.position = position;
    });
    const last = messages.at(-1);
    const lastCustomer = [...messages].reverse().find((message) => message.fromCustomer);
    await this.repository.replaceThread({
      ticket: {
        id: detail.ticketid,
        number: detail.tid,
        departmentId: detail.deptid,
        departmentName: detail.deptname,
        clientId: detail.userid,
        customerName: decodeEntities(detail.requestor_name || detail.name),
        customerEmail: detail.email,
        subject: decodeEntities(detail.subject),
        status: detail.status,
        priority: detail.priority,
        openedRaw: detail.date,
        lastReplyRaw: detail.lastreply,
        lastReplyAt: this.instant(detail.lastreply),
        fetchedSignature: listingSignature(detail.status, detail.lastreply),
        fetchedAt: new Date(),
        lastMessageId: last?.replyId ?? null,
        lastMessageFrom: last === undefined ? null : last.fromCustomer ? 'customer' : 'staff',
        lastCustomerMessageId: lastCustomer?.replyId ?? null,
        notes: detail.notes
          .map((note) => ({
            id: note.noteid,
            author: decodeEntities(note.admin),
            date: note.date,
            text: decodeEntities(note.message),
          }))
          .sort((a, b) => Number(a.id) - Number(b.id)),
        ...(awaiting === undefined ? {} : { awaiting }),
      },
      messages,
    });
  }

  /**
   * Stores the thread of a ticket missing from the latest listing. Tickets answered while the
   * pages were read shift the later pages, so a ticket can be missing and still awaiting: the
   * awaiting set is defined by status, so it still awaits when its status is the one it was
   * listed with. That is the listing's status, not the stored one: a read for a sent reply has
   * already stored the status the reply gave the ticket.
   */
  async recordDeparted(detail: TicketDetail): Promise<void> {
    const before = await this.repository.find(detail.ticketid);
    const stillAwaiting =
      before?.awaiting === true &&
      before.listSignature !== null &&
      listedStatus(before.listSignature).toLowerCase() === detail.status.toLowerCase();
    await this.recordThread(detail, stillAwaiting);
  }

  async markNotAwaiting(ticketId: string): Promise<void> {
    await this.repository.markNotAwaiting(ticketId);
  }

  private message(ticketId: string, reply: TicketReply, index: number): MirroredMessage {
    const staff = isStaffReply(reply);
    return {
      ticketId,
      replyId: reply.replyid,
      position: index,
      fromCustomer: !staff,
      author: decodeEntities(staff ? reply.admin : reply.requestor_name || reply.name),
      email: reply.email,
      requestorType: reply.requestor_type,
      dateRaw: reply.date,
      dateAt: this.instant(reply.date),
      rawText: reply.message,
      text: decodeEntities(reply.message),
      attachments: reply.attachments,
    };
  }

  private instant(value: string): Date | null {
    return whmcsDateToInstant(value, this.config.whmcs.timeZone);
  }
}
