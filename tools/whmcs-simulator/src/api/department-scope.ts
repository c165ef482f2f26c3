import type { AdminUser, Ticket } from '../state/model';
import { ALL_ACTIVE_TICKETS, AWAITING_REPLY, MY_FLAGGED_TICKETS } from '../state/status-catalog';
import type { TicketStore } from '../state/ticket-store';

/**
 * The departments an API call sees. Ticket lists are limited to the API admin's departments unless
 * the caller ignores assignments; since WHMCS 8 an admin with no department sees no ticket.
 */
export function ticketDepartments(
  store: TicketStore,
  admin: AdminUser,
  ignoreAssignments: boolean,
): ReadonlySet<number> {
  if (ignoreAssignments) {
    return new Set(store.directory.departments.map((department) => department.id));
  }
  return new Set(admin.departmentIds);
}

/** GetSupportDepartments does not filter at all when the admin has no department. */
export function listedDepartments(
  store: TicketStore,
  admin: AdminUser,
  ignoreAssignments: boolean,
): ReadonlySet<number> {
  if (ignoreAssignments || admin.departmentIds.length === 0) {
    return new Set(store.directory.departments.map((department) => department.id));
  }
  return new Set(admin.departmentIds);
}

/** Status filter of GetTickets: a configured status title or one of the pseudo statuses. */
export function matchesStatus(
  store: TicketStore,
  ticket: Ticket,
  status: string,
  adminId: number,
): boolean {
  switch (status.toLowerCase()) {
    case AWAITING_REPLY.toLowerCase():
      return store.statuses.isAwaitingReply(ticket.status);
    case ALL_ACTIVE_TICKETS.toLowerCase():
      return store.statuses.isActive(ticket.status);
    case MY_FLAGGED_TICKETS.toLowerCase():
      return ticket.flag === adminId && store.statuses.isActive(ticket.status);
    default:
      return ticket.status.toLowerCase() === status.toLowerCase();
  }
}

/** Tickets merged into another one are hidden from every list. */
export function listableTickets(store: TicketStore): Ticket[] {
  return store.tickets().filter((ticket) => ticket.mergedInto === 0);
}

/** lastreply DESC, newest ticket first on a tie. */
export function byLastReplyDesc(a: Ticket, b: Ticket): number {
  return b.lastReply - a.lastReply || b.id - a.id;
}
