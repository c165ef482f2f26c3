import { SeededRandom } from '../php/seeded-random';
import type { WhmcsClock } from '../php/whmcs-clock';
import type { SimulatorQuirks, Ticket } from '../state/model';
import { StatusCatalog } from '../state/status-catalog';
import { TicketStore } from '../state/ticket-store';
import { backlogClients, backlogEvents } from './backlog-generator';
import { seedClients } from './seed-clients';
import { seedAdmins, seedDepartments } from './seed-directory';
import type { SeedTicketSpec } from './seed-ticket-spec';
import { COMMERCIAL_TICKETS } from './seed-tickets-commercial';
import { TECHNICAL_TICKETS } from './seed-tickets-technical';

const HOUR_MS = 3_600_000;

export interface SeedOptions {
  readonly seed: number;
  readonly backlog: number;
  /** Seed timestamps are offsets back from this instant. */
  readonly anchor: number;
}

/** Something that happens at a point in time while the install's history is replayed. */
export interface SeedEvent {
  readonly at: number;
  readonly order: number;
  readonly apply: (store: TicketStore) => void;
}

export const SEED_TICKETS: readonly SeedTicketSpec[] = [
  ...TECHNICAL_TICKETS,
  ...COMMERCIAL_TICKETS,
];

/**
 * Builds the install by replaying its history in time order through the store, so ticket ids,
 * reply ids and `lastreply` come out exactly as WHMCS would have produced them. The backlog is
 * replayed after the hand-written tickets so their ids do not depend on the backlog size.
 */
export function buildSeededStore(
  options: SeedOptions,
  clock: WhmcsClock,
  quirks: SimulatorQuirks,
): TicketStore {
  const random = new SeededRandom(options.seed);
  const extraClients = backlogClients(random, options.backlog, options.anchor);
  const store = new TicketStore(
    {
      departments: seedDepartments(),
      admins: seedAdmins(),
      clients: [...seedClients(options.anchor), ...extraClients],
    },
    new StatusCatalog(),
    quirks,
    clock,
    random,
  );
  replay(store, handWrittenEvents(options.anchor));
  for (const spec of SEED_TICKETS) {
    finishTicket(store, spec);
  }
  replay(store, backlogEvents(random, options.backlog, options.anchor, extraClients));
  return store;
}

function replay(store: TicketStore, events: SeedEvent[]): void {
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const event of events) {
    event.apply(store);
  }
}

function handWrittenEvents(anchor: number): SeedEvent[] {
  const events: SeedEvent[] = [];
  SEED_TICKETS.forEach((spec, index) => {
    spec.messages.forEach((message, position) => {
      const at = Math.round(anchor - message.hoursAgo * HOUR_MS);
      const order = index * 100 + position;
      events.push({
        at,
        order,
        apply: (store) => {
          const attachments = (message.attachments ?? []).map((filename) => ({
            filename,
            storedName: `${String(at).slice(-6)}_${filename}`,
          }));
          const via = message.via ?? spec.via;
          if (position === 0) {
            openSeedTicket(store, spec, at, message.text, via, attachments);
            return;
          }
          const ticket = ticketOf(store, spec.key);
          if (message.from === 'customer') {
            store.addCustomerReply(ticket, {
              ...requesterOf(store, spec),
              message: message.text,
              channel: via,
              origin: 'seed',
              date: at,
              attachments,
            });
          } else {
            store.addStaffReply(ticket, {
              admin: adminName(store, message.from),
              message: message.text,
              channel: 'admin',
              origin: 'seed',
              date: at,
              emailed: true,
              attachments,
              rating: message.rating ?? 0,
            });
          }
        },
      });
    });
    for (const note of spec.notes ?? []) {
      events.push({
        at: Math.round(anchor - note.hoursAgo * HOUR_MS),
        order: index * 100 + 99,
        apply: (store) => {
          store.addNote(ticketOf(store, spec.key), {
            admin: adminName(store, note.adminId),
            message: note.text,
            date: Math.round(anchor - note.hoursAgo * HOUR_MS),
          });
        },
      });
    }
  });
  return events;
}

function openSeedTicket(
  store: TicketStore,
  spec: SeedTicketSpec,
  at: number,
  text: string,
  via: 'email' | 'web',
  attachments: { filename: string; storedName: string }[],
): void {
  store.openTicket({
    key: spec.key,
    deptId: spec.deptId,
    ...requesterOf(store, spec),
    subject: spec.subject,
    priority: spec.priority,
    service: spec.service ?? '',
    cc: spec.cc ?? '',
    message: text,
    channel: via,
    origin: 'seed',
    date: at,
    attachments,
  });
}

/** Applies what the replayed messages cannot express: manual statuses, flags and merges. */
function finishTicket(store: TicketStore, spec: SeedTicketSpec): void {
  const ticket = ticketOf(store, spec.key);
  ticket.status = spec.status;
  ticket.flag = spec.flag ?? 0;
  if (spec.mergedInto !== undefined) {
    ticket.mergedInto = ticketOf(store, spec.mergedInto).id;
  }
}

function requesterOf(store: TicketStore, spec: SeedTicketSpec) {
  if (spec.clientId !== undefined) {
    const client = store.client(spec.clientId);
    if (client === undefined) {
      throw new Error(`Seed ticket ${spec.key} names unknown client ${spec.clientId}`);
    }
    return {
      userId: client.id,
      name: `${client.firstname} ${client.lastname}`,
      email: client.email,
      requestorType: 'Owner' as const,
    };
  }
  const guest = spec.guest ?? { name: 'Unknown', email: 'unknown@mailbox.example' };
  return { userId: 0, name: guest.name, email: guest.email, requestorType: 'Guest' as const };
}

function ticketOf(store: TicketStore, key: string): Ticket {
  const ticket = store.tickets().find((candidate) => candidate.key === key);
  if (ticket === undefined) {
    throw new Error(`Seed ticket ${key} is used before it was opened`);
  }
  return ticket;
}

export function adminName(store: TicketStore, adminId: number): string {
  const admin = store.admin(adminId);
  return admin === undefined ? 'Support' : `${admin.firstname} ${admin.lastname}`;
}
