import { htmlspecialchars } from '../php/php-values';
import type { SeededRandom } from '../php/seeded-random';
import type { WhmcsClock } from '../php/whmcs-clock';
import type {
  AdminUser,
  Client,
  Department,
  RequestorType,
  SimulatorQuirks,
  Ticket,
  TicketMessage,
  TicketNote,
} from './model';
import type { StatusCatalog } from './status-catalog';
import type {
  CustomerReplyInput,
  Directory,
  MessageInput,
  NewTicketInput,
  NoteInput,
  PostedReply,
  StaffReplyInput,
} from './ticket-inputs';

/** What a restart keeps: every ticket with its thread and notes, and the replies posted by API. */
export interface TicketStoreSnapshot {
  readonly tickets: readonly Ticket[];
  readonly postedReplies: readonly PostedReply[];
}

/** All tickets, replies and notes of the simulated install, with the WHMCS status bookkeeping. */
export class TicketStore {
  readonly postedReplies: PostedReply[] = [];
  private readonly byId = new Map<number, Ticket>();
  private readonly usedTids = new Set<string>();
  private nextTicketId = 1;
  private nextReplyId = 1;
  private nextNoteId = 1;

  constructor(
    readonly directory: Directory,
    readonly statuses: StatusCatalog,
    readonly quirks: SimulatorQuirks,
    readonly clock: WhmcsClock,
    private readonly random: SeededRandom,
  ) {}

  tickets(): Ticket[] {
    return [...this.byId.values()];
  }

  ticket(id: number): Ticket | undefined {
    return this.byId.get(id);
  }

  ticketByTid(tid: string): Ticket | undefined {
    return this.tickets().find((ticket) => ticket.tid === tid);
  }

  client(id: number): Client | undefined {
    return this.directory.clients.find((client) => client.id === id);
  }

  clientByEmail(email: string): Client | undefined {
    const wanted = email.trim().toLowerCase();
    return this.directory.clients.find((client) => client.email.toLowerCase() === wanted);
  }

  admin(id: number): AdminUser | undefined {
    return this.directory.admins.find((admin) => admin.id === id);
  }

  admins(): readonly AdminUser[] {
    return this.directory.admins;
  }

  department(id: number): Department | undefined {
    return this.directory.departments.find((department) => department.id === id);
  }

  /** Adds a fully built ticket (seed data) and moves the id counters past its ids. */
  insert(ticket: Ticket): void {
    this.byId.set(ticket.id, ticket);
    this.usedTids.add(ticket.tid);
    this.nextTicketId = Math.max(this.nextTicketId, ticket.id + 1);
    for (const reply of ticket.replies) {
      this.nextReplyId = Math.max(this.nextReplyId, reply.id + 1);
    }
    for (const note of ticket.notes) {
      this.nextNoteId = Math.max(this.nextNoteId, note.id + 1);
    }
  }

  snapshot(): TicketStoreSnapshot {
    return { tickets: this.tickets(), postedReplies: [...this.postedReplies] };
  }

  /** Replaces every ticket and posted reply with a snapshot's, as a restarted install finds them. */
  restore(snapshot: TicketStoreSnapshot): void {
    this.byId.clear();
    this.usedTids.clear();
    this.nextTicketId = 1;
    this.nextReplyId = 1;
    this.nextNoteId = 1;
    for (const ticket of snapshot.tickets) {
      this.insert(ticket);
    }
    this.postedReplies.splice(0, this.postedReplies.length, ...snapshot.postedReplies);
  }

  allocateReplyId(): number {
    return this.nextReplyId++;
  }

  allocateNoteId(): number {
    return this.nextNoteId++;
  }

  /** A fresh `tid` (default mask: six random digits) and client-area key `c`. */
  allocateTicketNumber(): { tid: string; c: string } {
    let tid = this.random.digits(6);
    while (this.usedTids.has(tid)) {
      tid = this.random.digits(6);
    }
    this.usedTids.add(tid);
    return { tid, c: this.random.alphanumeric(8) };
  }

  openTicket(input: NewTicketInput): Ticket {
    const id = this.nextTicketId;
    const date = input.date ?? this.clock.now();
    const { tid, c } = this.allocateTicketNumber();
    const ticket: Ticket = {
      id,
      key: input.key ?? '',
      tid,
      c,
      deptId: input.deptId,
      userId: input.userId,
      contactId: input.contactId ?? 0,
      name: input.name,
      email: input.email,
      cc: input.cc ?? '',
      date,
      subject: input.subject,
      status: 'Open',
      priority: input.priority,
      admin: input.admin ?? '',
      lastReply: date,
      flag: 0,
      service: input.service ?? '',
      mergedInto: 0,
      opening: this.message(0, date, input, {
        userId: input.userId,
        contactId: input.contactId ?? 0,
        name: input.name,
        email: input.email,
        admin: input.admin ?? '',
        requestorType:
          input.admin === undefined || input.admin === ''
            ? this.requestorOf(input.userId)
            : 'Operator',
        emailed: false,
      }),
      replies: [],
      notes: [],
    };
    this.insert(ticket);
    return ticket;
  }

  /** A customer (client or guest) reply: the status becomes Customer-Reply, reopening Closed ones. */
  addCustomerReply(ticket: Ticket, input: CustomerReplyInput): TicketMessage {
    const date = input.date ?? this.clock.now();
    const reply = this.message(this.allocateReplyId(), date, input, {
      userId: input.userId,
      contactId: input.contactId ?? 0,
      name: input.name,
      email: input.email,
      admin: '',
      requestorType: input.requestorType,
      emailed: false,
    });
    ticket.replies.push(reply);
    const statusChanged = ticket.status !== 'Customer-Reply';
    ticket.status = 'Customer-Reply';
    if (this.quirks.lastReplyUpdate === 'always' || statusChanged) {
      ticket.lastReply = Math.max(ticket.lastReply, date);
    }
    return reply;
  }

  /** A staff reply: the status becomes Answered unless another status is asked for. */
  addStaffReply(ticket: Ticket, input: StaffReplyInput): TicketMessage {
    const date = input.date ?? this.clock.now();
    const reply = this.message(this.allocateReplyId(), date, input, {
      userId: ticket.userId,
      contactId: 0,
      name: '',
      email: '',
      admin: input.admin,
      requestorType: 'Operator',
      emailed: input.emailed,
    });
    ticket.replies.push(reply);
    ticket.status = input.status ?? 'Answered';
    if (!this.quirks.lastReplyClientOnly) {
      ticket.lastReply = Math.max(ticket.lastReply, date);
    }
    return reply;
  }

  /** Logs a reply stored through AddTicketReply (whoever it was from). */
  recordPosted(ticket: Ticket, reply: TicketMessage): void {
    this.postedReplies.push({
      replyId: reply.id,
      ticketId: ticket.id,
      admin: reply.admin,
      message: reply.message,
      date: reply.date,
      statusAfter: ticket.status,
    });
  }

  addNote(ticket: Ticket, input: NoteInput): TicketNote {
    const note: TicketNote = {
      id: this.allocateNoteId(),
      date: input.date ?? this.clock.now(),
      message: input.message,
      admin: input.admin,
      markdown: input.markdown ?? false,
      attachments: input.attachments ?? [],
    };
    ticket.notes.push(note);
    return note;
  }

  private requestorOf(userId: number): RequestorType {
    return userId > 0 ? 'Owner' : 'Guest';
  }

  private message(
    id: number,
    date: number,
    input: MessageInput,
    author: Pick<
      TicketMessage,
      'userId' | 'contactId' | 'name' | 'email' | 'admin' | 'requestorType' | 'emailed'
    >,
  ): TicketMessage {
    return {
      id,
      ...author,
      date,
      message: input.channel === 'email' ? htmlspecialchars(input.message) : input.message,
      markdown: input.markdown ?? false,
      channel: input.channel,
      origin: input.origin,
      attachments: input.attachments ?? [],
      rating: input.rating ?? 0,
    };
  }
}
