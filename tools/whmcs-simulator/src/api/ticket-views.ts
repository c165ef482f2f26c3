import type { Ticket, TicketAttachment, TicketMessage, TicketNote } from '../state/model';
import type { TicketStore } from '../state/ticket-store';

/** Who a ticket is from, as GetTickets and GetTicket describe the requester. */
function requester(store: TicketStore, ticket: Ticket) {
  const client = ticket.userId > 0 ? store.client(ticket.userId) : undefined;
  const ownerName = client === undefined ? '' : `${client.firstname} ${client.lastname}`;
  return {
    name: client === undefined ? ticket.name : ownerName,
    email: client === undefined ? ticket.email : client.email,
    ownerName,
    requestorName: ticket.opening.name || ownerName,
    requestorEmail: ticket.opening.email || client?.email || ticket.email,
    requestorType: ticket.opening.requestorType,
  };
}

function attachmentField(attachments: readonly TicketAttachment[]): string {
  return attachments.map((attachment) => attachment.storedName).join('|');
}

function attachmentList(attachments: readonly TicketAttachment[]) {
  return attachments.map((attachment, index) => ({ filename: attachment.filename, index }));
}

/** One item of GetTickets: strings for ids and counters, no message body. */
export function ticketListItem(store: TicketStore, ticket: Ticket): Record<string, unknown> {
  const who = requester(store, ticket);
  return {
    id: String(ticket.id),
    tid: ticket.tid,
    deptid: String(ticket.deptId),
    userid: String(ticket.userId),
    name: who.name,
    owner_name: who.ownerName,
    email: who.email,
    requestor_name: who.requestorName,
    requestor_email: who.requestorEmail,
    requestor_type: who.requestorType,
    cc: ticket.cc,
    c: ticket.c,
    date: store.clock.format(ticket.date),
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    admin: ticket.admin,
    attachment: attachmentField(ticket.opening.attachments),
    attachments: attachmentList(ticket.opening.attachments),
    attachments_removed: false,
    lastreply: store.clock.format(ticket.lastReply),
    flag: String(ticket.flag),
    service: ticket.service,
  };
}

/** A reply of GetTicket; the opening message is reply `"0"`. */
function replyView(store: TicketStore, ticket: Ticket, message: TicketMessage) {
  const staff = message.requestorType === 'Operator';
  return {
    replyid: String(message.id),
    userid: String(staff ? ticket.userId : message.userId),
    contactid: String(message.contactId),
    name: staff ? '' : message.name,
    email: staff ? '' : message.email,
    requestor_name: staff ? message.admin : message.name,
    requestor_email: staff ? '' : message.email,
    requestor_type: message.requestorType,
    date: store.clock.format(message.date),
    message: message.message,
    attachment: attachmentField(message.attachments),
    // The GetTicket docs example shows an empty list as [[]].
    attachments: message.attachments.length === 0 ? [[]] : attachmentList(message.attachments),
    attachments_removed: false,
    admin: message.admin,
    rating: String(message.rating),
  };
}

function noteView(store: TicketStore, note: TicketNote) {
  return {
    noteid: String(note.id),
    date: store.clock.format(note.date),
    message: note.message,
    attachment: attachmentField(note.attachments),
    attachments: attachmentList(note.attachments),
    attachments_removed: false,
    admin: note.admin,
  };
}

/** GetTicket: no top-level message, replies oldest first unless DESC, `"notes": []` when none. */
export function ticketDetail(
  store: TicketStore,
  ticket: Ticket,
  sort: 'ASC' | 'DESC',
): Record<string, unknown> {
  const who = requester(store, ticket);
  const messages = [ticket.opening, ...ticket.replies].sort((a, b) => a.id - b.id);
  if (sort === 'DESC') {
    messages.reverse();
  }
  return {
    ticketid: String(ticket.id),
    tid: ticket.tid,
    c: ticket.c,
    deptid: String(ticket.deptId),
    deptname: store.department(ticket.deptId)?.name ?? '',
    userid: String(ticket.userId),
    contactid: String(ticket.contactId),
    name: who.name,
    email: who.email,
    requestor_name: who.requestorName,
    requestor_type: who.requestorType,
    requestor_email: who.requestorEmail,
    cc: ticket.cc,
    date: store.clock.format(ticket.date),
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    admin: ticket.admin,
    lastreply: store.clock.format(ticket.lastReply),
    flag: String(ticket.flag),
    service: ticket.service,
    replies: { reply: messages.map((message) => replyView(store, ticket, message)) },
    notes:
      ticket.notes.length === 0 ? [] : { note: ticket.notes.map((note) => noteView(store, note)) },
  };
}

/** GetTicketNotes items: `id` rather than `noteid`. */
export function noteListItem(store: TicketStore, note: TicketNote): Record<string, unknown> {
  return {
    id: String(note.id),
    admin: note.admin,
    date: store.clock.format(note.date),
    message: note.message,
    attachment: attachmentField(note.attachments),
    attachments_removed: false,
  };
}
