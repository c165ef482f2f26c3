import type { ApiAction } from '../api/api-action';
import { ApiFailure, success } from '../api/api-reply';
import type { RequestParams } from '../php/request-params';
import type { TicketPriority } from '../state/model';
import type { TicketStore } from '../state/ticket-store';
import { findTicket } from './ticket-read.actions';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PRIORITIES: readonly TicketPriority[] = ['Low', 'Medium', 'High'];

/** `created`: ISO 8601 or server-local `Y-m-d H:i:s`, never in the future. */
function createdDate(
  store: TicketStore,
  params: RequestParams,
  futureMessage: string,
): number | undefined {
  const text = params.text('created');
  if (text === '') {
    return undefined;
  }
  const date = store.clock.parse(text);
  if (date === undefined) {
    throw new ApiFailure('Invalid Date Format');
  }
  if (date > store.clock.now()) {
    throw new ApiFailure(futureMessage);
  }
  return date;
}

function configuredStatus(store: TicketStore, status: string): string {
  const definition = store.statuses.find(status);
  if (definition === undefined) {
    throw new ApiFailure('Invalid Ticket Status');
  }
  return definition.title;
}

function adminName(first: string, last: string): string {
  return `${first} ${last}`.trim();
}

/**
 * AddTicketReply: as staff (`adminusername`, stored verbatim as the author), as a client or as a
 * guest. Not idempotent and answers no reply id: a retried call stores a second reply.
 */
export const addTicketReply: ApiAction = {
  name: 'addticketreply',
  structured: false,
  run({ store, params }) {
    const ticket = findTicket(store, params, 'Ticket ID not found');
    const clientId = params.int('clientid');
    const adminUsername = params.text('adminusername');
    const name = params.text('name');
    const email = params.text('email');
    const client = clientId > 0 ? store.client(clientId) : undefined;
    if (clientId > 0) {
      if (client === undefined) {
        throw new ApiFailure('Client ID Not Found');
      }
      if (params.int('contactid') > 0) {
        throw new ApiFailure('Contact ID Not Found');
      }
    } else if (adminUsername === '') {
      if (name === '' || email === '') {
        throw new ApiFailure('Name and email address are required if not a client');
      }
      if (!EMAIL.test(email)) {
        throw new ApiFailure('Email Address Invalid');
      }
    }
    const message = params.raw('message') ?? '';
    if (message.trim() === '') {
      throw new ApiFailure('Message is required');
    }
    const status = params.text('status');
    const statusAfter = status === '' ? undefined : configuredStatus(store, status);
    const date = createdDate(store, params, 'Reply creation date cannot be in the future');
    const common = {
      message,
      channel: 'api' as const,
      origin: 'api' as const,
      markdown: params.flag('markdown'),
      ...(date === undefined ? {} : { date }),
    };
    const reply =
      client !== undefined
        ? store.addCustomerReply(ticket, {
            ...common,
            userId: client.id,
            name: adminName(client.firstname, client.lastname),
            email: client.email,
            requestorType: 'Owner',
          })
        : adminUsername === ''
          ? store.addCustomerReply(ticket, {
              ...common,
              userId: 0,
              name,
              email,
              requestorType: 'Guest',
            })
          : store.addStaffReply(ticket, {
              ...common,
              admin: adminUsername,
              emailed: !params.flag('noemail'),
              ...(statusAfter === undefined ? {} : { status: statusAfter }),
            });
    store.recordPosted(ticket, reply);
    return success();
  },
};

/** AddTicketNote: a private note by the credential's admin. */
export const addTicketNote: ApiAction = {
  name: 'addticketnote',
  structured: false,
  run({ store, principal, params }) {
    const ticket = findTicket(store, params, 'Ticket ID not found');
    const message = params.raw('message') ?? '';
    if (message.trim() === '') {
      throw new ApiFailure('Message is required');
    }
    const date = createdDate(store, params, 'Ticket creation date cannot be in the future');
    store.addNote(ticket, {
      admin: adminName(principal.admin.firstname, principal.admin.lastname),
      message,
      markdown: params.flag('markdown'),
      ...(date === undefined ? {} : { date }),
    });
    return success();
  },
};

/** UpdateTicket: changes only the fields sent; answers the ticket id as a string. */
export const updateTicket: ApiAction = {
  name: 'updateticket',
  structured: false,
  run({ store, params }) {
    const ticket = findTicket(store, params, 'Ticket ID Not Found');
    if (params.has('deptid')) {
      const deptId = params.int('deptid');
      if (store.department(deptId) === undefined) {
        throw new ApiFailure('Department ID Not Found');
      }
      ticket.deptId = deptId;
    }
    if (params.text('status') !== '') {
      const definition = store.statuses.find(params.text('status'));
      if (definition === undefined) {
        throw new ApiFailure(
          `Invalid Ticket Status. Valid statuses are: ${store.statuses.titles().join(',')}`,
        );
      }
      ticket.status = definition.title;
    }
    if (params.text('priority') !== '') {
      const priority = PRIORITIES.find((value) => value === params.text('priority'));
      if (priority === undefined) {
        throw new ApiFailure('Invalid Ticket Priority. Valid priorities are: Low,Medium,High');
      }
      ticket.priority = priority;
    }
    const date = createdDate(store, params, 'Ticket creation date cannot be in the future');
    if (date !== undefined) {
      ticket.date = date;
    }
    if (params.text('subject') !== '') {
      ticket.subject = params.text('subject');
    }
    if (params.has('cc')) {
      ticket.cc = params.text('cc');
    }
    if (params.has('userid')) {
      ticket.userId = params.int('userid');
    }
    if (params.text('name') !== '') {
      ticket.name = params.text('name');
    }
    if (params.text('email') !== '') {
      ticket.email = params.text('email');
    }
    if (params.flag('removeFlag')) {
      ticket.flag = 0;
    } else if (params.has('flag')) {
      ticket.flag = params.int('flag');
    }
    const message = params.raw('message');
    if (message !== undefined && message.trim() !== '') {
      ticket.opening.message = message;
    }
    return success({ ticketid: String(ticket.id) });
  },
};

/** OpenTicket: as a client or a guest; new tickets start Open; a bad priority becomes Low. */
export const openTicket: ApiAction = {
  name: 'openticket',
  structured: false,
  run({ store, principal, params }) {
    const clientId = params.int('clientid') || params.int('userid');
    const client = clientId > 0 ? store.client(clientId) : undefined;
    if (clientId > 0 && client === undefined) {
      throw new ApiFailure('Client ID Not Found');
    }
    const deptId = params.int('deptid');
    if (store.department(deptId) === undefined) {
      throw new ApiFailure('Department ID not found');
    }
    const subject = params.text('subject');
    if (subject === '') {
      throw new ApiFailure('Subject is required');
    }
    const message = params.raw('message') ?? '';
    if (message.trim() === '') {
      throw new ApiFailure('Message is required');
    }
    const name =
      client === undefined ? params.text('name') : `${client.firstname} ${client.lastname}`;
    const email = client === undefined ? params.text('email') : client.email;
    if (client === undefined && (name === '' || !EMAIL.test(email))) {
      throw new ApiFailure(
        email === ''
          ? 'Name and email address are required if not a client'
          : 'Email Address Invalid',
      );
    }
    const serviceId = params.int('serviceid');
    const domainId = params.int('domainid');
    if (serviceId > 0 && !client?.services.some((service) => service.id === serviceId)) {
      throw new ApiFailure('Service ID Not Found');
    }
    if (domainId > 0 && !client?.domains.some((domain) => domain.id === domainId)) {
      throw new ApiFailure('Domain ID Not Found');
    }
    const date = createdDate(store, params, 'Ticket creation date cannot be in the future');
    const priority = PRIORITIES.find((value) => value === params.text('priority')) ?? 'Low';
    const ticket = store.openTicket({
      deptId,
      userId: client?.id ?? 0,
      name,
      email,
      subject,
      priority,
      message,
      channel: 'api',
      origin: 'api',
      markdown: params.flag('markdown'),
      service: serviceId > 0 ? `S${serviceId}` : domainId > 0 ? `D${domainId}` : '',
      ...(params.flag('admin')
        ? { admin: adminName(principal.admin.firstname, principal.admin.lastname) }
        : {}),
      ...(date === undefined ? {} : { date }),
    });
    return success({ id: String(ticket.id), tid: ticket.tid, c: ticket.c });
  },
};
