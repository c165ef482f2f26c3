import type { ApiAction } from '../api/api-action';
import { ApiFailure, success } from '../api/api-reply';
import { noteListItem, ticketDetail } from '../api/ticket-views';
import type { RequestParams } from '../php/request-params';
import type { Ticket } from '../state/model';
import type { TicketStore } from '../state/ticket-store';

/** `ticketid` (internal id) or `ticketnum` (the customer-visible `tid`). */
export function findTicket(store: TicketStore, params: RequestParams, notFound: string): Ticket {
  const id = params.int('ticketid');
  const number = params.text('ticketnum');
  const ticket = id > 0 ? store.ticket(id) : number === '' ? undefined : store.ticketByTid(number);
  if (ticket === undefined) {
    throw new ApiFailure(notFound);
  }
  return ticket;
}

/** GetTicket: the opening message is reply `"0"`, replies ASC unless `repliessort=DESC`. */
export const getTicket: ApiAction = {
  name: 'getticket',
  structured: true,
  run({ store, params }) {
    const ticket = findTicket(store, params, 'Ticket ID Not Found');
    const sort = params.text('repliessort').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
    return success(ticketDetail(store, ticket, sort));
  },
};

/** GetTicketNotes: no existence check, so an unknown ticket has zero notes. */
export const getTicketNotes: ApiAction = {
  name: 'getticketnotes',
  structured: true,
  run({ store, params }) {
    const notes = store.ticket(params.int('ticketid'))?.notes ?? [];
    return success({
      totalresults: notes.length,
      ...(notes.length === 0
        ? {}
        : { notes: { note: notes.map((note) => noteListItem(store, note)) } }),
    });
  },
};
