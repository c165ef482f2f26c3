import type { ApiCall } from '../api/call-log';
import { ticketDetail } from '../api/ticket-views';
import type { FaultRule, FaultRuleInput } from '../faults/fault-rules';
import type { ResetOptions, SimulatorState } from '../simulator-state';
import type { Ticket, TicketPriority } from '../state/model';
import { SimulatorError } from '../state/simulator-error';

export interface InjectReplyInput {
  readonly message: string;
  /** `email` stores the text entity-encoded, as email piping does. Default `email`. */
  readonly via?: 'email' | 'web';
}

export interface StaffReplyInput {
  readonly message: string;
  /** Display name of the replying admin; default the first full administrator. */
  readonly admin?: string;
  readonly status?: string;
}

export interface OpenTicketInput {
  readonly deptId: number;
  readonly clientId?: number;
  readonly name?: string;
  readonly email?: string;
  readonly subject: string;
  readonly message: string;
  readonly via?: 'email' | 'web';
  readonly priority?: TicketPriority;
}

export interface PostedReplyView {
  readonly replyId: string;
  readonly ticketId: string;
  readonly admin: string;
  readonly message: string;
  readonly date: string;
  readonly statusAfter: string;
}

export interface SimulatorSummary {
  readonly seed: number;
  readonly backlog: number;
  readonly tickets: number;
  readonly awaitingReply: number;
  readonly postedReplies: number;
  readonly faults: FaultRule[];
  readonly bannedIps: string[];
}

/**
 * What tests and demos do to the simulated WHMCS from outside the API: customers writing in,
 * staff answering in the admin area, faults, and the record of replies posted through the API.
 */
export class SimulatorControl {
  constructor(private readonly state: SimulatorState) {}

  summary(): SimulatorSummary {
    const store = this.state.store;
    return {
      ...this.state.describe(),
      tickets: store.tickets().length,
      awaitingReply: this.awaitingTicketIds().length,
      postedReplies: store.postedReplies.length,
      faults: this.state.faults.list(),
      bannedIps: this.state.gatekeeper.bannedIps(),
    };
  }

  /** Ids of every ticket the Awaiting Reply pseudo status lists, across all departments. */
  awaitingTicketIds(): string[] {
    const store = this.state.store;
    return store
      .tickets()
      .filter((ticket) => ticket.mergedInto === 0 && store.statuses.isAwaitingReply(ticket.status))
      .map((ticket) => String(ticket.id));
  }

  ticketIdByKey(key: string): string {
    const ticket = this.state.store.tickets().find((candidate) => candidate.key === key);
    if (ticket === undefined) {
      throw new SimulatorError('not-found', `No seed ticket ${key}`);
    }
    return String(ticket.id);
  }

  /** The ticket as GetTicket shows it (replies oldest first). */
  ticket(ticketId: string): Record<string, unknown> {
    return ticketDetail(this.state.store, this.find(ticketId), 'ASC');
  }

  injectCustomerReply(ticketId: string, input: InjectReplyInput): { replyId: string } {
    const store = this.state.store;
    const ticket = this.find(ticketId);
    this.moveClockPast(ticket);
    const client = ticket.userId > 0 ? store.client(ticket.userId) : undefined;
    const reply = store.addCustomerReply(ticket, {
      userId: ticket.userId,
      name: client === undefined ? ticket.name : `${client.firstname} ${client.lastname}`,
      email: client?.email ?? ticket.email,
      requestorType: client === undefined ? 'Guest' : 'Owner',
      message: required(input.message),
      channel: input.via ?? 'email',
      origin: 'control',
    });
    return { replyId: String(reply.id) };
  }

  /** A person answering in the WHMCS admin area, outside the API. */
  addStaffReply(ticketId: string, input: StaffReplyInput): { replyId: string } {
    const store = this.state.store;
    const ticket = this.find(ticketId);
    this.moveClockPast(ticket);
    const admin = store.admin(1);
    const status = input.status === undefined ? undefined : store.statuses.find(input.status);
    if (input.status !== undefined && status === undefined) {
      throw new SimulatorError('invalid', `Unknown status ${input.status}`);
    }
    const reply = store.addStaffReply(ticket, {
      admin:
        input.admin ?? (admin === undefined ? 'Support' : `${admin.firstname} ${admin.lastname}`),
      message: required(input.message),
      channel: 'admin',
      origin: 'control',
      emailed: true,
      ...(status === undefined ? {} : { status: status.title }),
    });
    return { replyId: String(reply.id) };
  }

  setStatus(ticketId: string, status: string): void {
    const definition = this.state.store.statuses.find(status);
    if (definition === undefined) {
      throw new SimulatorError('invalid', `Unknown status ${status}`);
    }
    this.find(ticketId).status = definition.title;
  }

  openTicket(input: OpenTicketInput): { id: string; tid: string } {
    const store = this.state.store;
    if (store.department(input.deptId) === undefined) {
      throw new SimulatorError('invalid', `Unknown department ${input.deptId}`);
    }
    const client = input.clientId === undefined ? undefined : store.client(input.clientId);
    if (input.clientId !== undefined && client === undefined) {
      throw new SimulatorError('invalid', `Unknown client ${input.clientId}`);
    }
    if (client === undefined && (input.name === undefined || input.email === undefined)) {
      throw new SimulatorError('invalid', 'A guest ticket needs name and email');
    }
    store.clock.advance(1000);
    const ticket = store.openTicket({
      deptId: input.deptId,
      userId: client?.id ?? 0,
      name: client === undefined ? (input.name ?? '') : `${client.firstname} ${client.lastname}`,
      email: client?.email ?? input.email ?? '',
      subject: required(input.subject),
      priority: input.priority ?? 'Medium',
      message: required(input.message),
      channel: input.via ?? 'email',
      origin: 'control',
    });
    return { id: String(ticket.id), tid: ticket.tid };
  }

  /** Replies stored through AddTicketReply, oldest first. */
  postedReplies(ticketId?: string): PostedReplyView[] {
    const store = this.state.store;
    return store.postedReplies
      .filter((reply) => ticketId === undefined || String(reply.ticketId) === ticketId)
      .map((reply) => ({
        replyId: String(reply.replyId),
        ticketId: String(reply.ticketId),
        admin: reply.admin,
        message: reply.message,
        date: store.clock.format(reply.date),
        statusAfter: reply.statusAfter,
      }));
  }

  faults(): FaultRule[] {
    return this.state.faults.list();
  }

  setFaults(rules: readonly FaultRuleInput[]): FaultRule[] {
    this.state.faults.set(rules);
    return this.faults();
  }

  addFaults(rules: readonly FaultRuleInput[]): FaultRule[] {
    this.state.faults.add(rules);
    return this.faults();
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  calls(action?: string): ApiCall[] {
    return this.state.calls.list(action);
  }

  callCounts(): Record<string, number> {
    return this.state.calls.countsByAction();
  }

  clearCalls(): void {
    this.state.calls.clear();
  }

  ban(ip: string): void {
    this.state.gatekeeper.ban(ip);
  }

  clearBans(): void {
    this.state.gatekeeper.reset();
  }

  advanceClock(seconds: number): void {
    this.state.clock.advance(seconds * 1000);
  }

  reset(options: ResetOptions = {}): SimulatorSummary {
    this.state.reset(options);
    return this.summary();
  }

  private find(ticketId: string): Ticket {
    const ticket = this.state.store.ticket(Number(ticketId));
    if (ticket === undefined) {
      throw new SimulatorError('not-found', `Ticket ${ticketId} not found`);
    }
    return ticket;
  }

  /** New messages land at least a second after the ticket's last one, as they would live. */
  private moveClockPast(ticket: Ticket): void {
    const last = Math.max(ticket.lastReply, ...ticket.replies.map((reply) => reply.date));
    this.state.clock.ensureAtLeast(last + 1000);
  }
}

function required(text: string): string {
  if (text.trim() === '') {
    throw new SimulatorError('invalid', 'Text must not be empty');
  }
  return text;
}
