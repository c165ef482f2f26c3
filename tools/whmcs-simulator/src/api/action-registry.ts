import {
  getAdminDetails,
  getAdminUsers,
  getClientsDetails,
  getClientsProducts,
} from '../actions/account.actions';
import {
  getSupportDepartments,
  getSupportStatuses,
  getTicketCounts,
  getTickets,
} from '../actions/ticket-list.actions';
import { getTicket, getTicketNotes } from '../actions/ticket-read.actions';
import {
  addTicketNote,
  addTicketReply,
  openTicket,
  updateTicket,
} from '../actions/ticket-write.actions';
import type { ApiAction } from './api-action';

const ACTIONS: readonly ApiAction[] = [
  getTickets,
  getTicket,
  getTicketCounts,
  getTicketNotes,
  getSupportDepartments,
  getSupportStatuses,
  addTicketReply,
  addTicketNote,
  updateTicket,
  openTicket,
  getClientsDetails,
  getClientsProducts,
  getAdminDetails,
  getAdminUsers,
];

const BY_NAME: ReadonlyMap<string, ApiAction> = new Map(
  ACTIONS.map((action) => [action.name, action]),
);

/** Looks an action up by its normalised name. */
export function findAction(name: string): ApiAction | undefined {
  return BY_NAME.get(name);
}

export function actionNames(): string[] {
  return [...BY_NAME.keys()];
}
