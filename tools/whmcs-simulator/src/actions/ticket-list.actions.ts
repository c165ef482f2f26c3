import type { ApiAction } from '../api/api-action';
import { success } from '../api/api-reply';
import {
  byLastReplyDesc,
  listableTickets,
  listedDepartments,
  matchesStatus,
  ticketDepartments,
} from '../api/department-scope';
import { ticketListItem } from '../api/ticket-views';

const DEFAULT_PAGE_SIZE = 25;

/** GetTickets: filters, department scoping, lastreply DESC, paging; no `tickets` key when empty. */
export const getTickets: ApiAction = {
  name: 'gettickets',
  structured: true,
  run({ store, principal, params }) {
    const departments = ticketDepartments(
      store,
      principal.admin,
      params.flag('ignore_dept_assignments'),
    );
    const deptId = params.int('deptid');
    const clientId = params.int('clientid');
    const email = params.text('email').toLowerCase();
    const status = params.text('status');
    const subject = params.text('subject').toLowerCase();
    const emailClient = email === '' ? undefined : store.clientByEmail(email);

    const matching = listableTickets(store)
      .filter((ticket) => departments.has(ticket.deptId))
      .filter((ticket) => deptId === 0 || ticket.deptId === deptId)
      .filter((ticket) => clientId === 0 || ticket.userId === clientId)
      .filter(
        (ticket) =>
          email === '' ||
          ticket.email.toLowerCase() === email ||
          (emailClient !== undefined && ticket.userId === emailClient.id),
      )
      .filter((ticket) => status === '' || matchesStatus(store, ticket, status, principal.admin.id))
      .filter((ticket) => subject === '' || ticket.subject.toLowerCase().includes(subject))
      .sort(byLastReplyDesc);

    const start = Math.max(0, params.int('limitstart'));
    const requested = params.int('limitnum');
    const size = requested > 0 ? requested : DEFAULT_PAGE_SIZE;
    const page = matching.slice(start, start + size);
    return success({
      totalresults: String(matching.length),
      startnumber: start,
      numreturned: page.length,
      ...(page.length === 0
        ? {}
        : { tickets: { ticket: page.map((ticket) => ticketListItem(store, ticket)) } }),
    });
  },
};

/** GetTicketCounts: ints, status keys lower-cased alphanumerics, `"x"` when counts are disabled. */
export const getTicketCounts: ApiAction = {
  name: 'getticketcounts',
  structured: true,
  run({ store, principal, params }) {
    const departments = ticketDepartments(
      store,
      principal.admin,
      params.flag('ignoreDepartmentAssignments'),
    );
    const tickets = listableTickets(store).filter((ticket) => departments.has(ticket.deptId));
    const count = (status: string): number =>
      tickets.filter((ticket) => matchesStatus(store, ticket, status, principal.admin.id)).length;
    const total = (value: number): number | string =>
      store.quirks.ticketCountsDisabled ? 'x' : value;
    const byStatus = params.flag('includeCountsByStatus')
      ? {
          status: Object.fromEntries(
            store.statuses
              .all()
              .map((definition) => [
                definition.title.toLowerCase().replace(/[^a-z0-9]/g, ''),
                { title: definition.title, count: count(definition.title) },
              ]),
          ),
        }
      : {};
    return success({
      filteredDepartments: [...departments].sort((a, b) => a - b),
      allActive: total(count('All Active Tickets')),
      awaitingReply: total(count('Awaiting Reply')),
      flaggedTickets: total(count('My Flagged Tickets')),
      ...byStatus,
    });
  },
};

/** GetSupportDepartments: sorted by name, counts as strings, no wrapper when empty. */
export const getSupportDepartments: ApiAction = {
  name: 'getsupportdepartments',
  structured: true,
  run({ store, principal, params }) {
    const visible = listedDepartments(
      store,
      principal.admin,
      params.flag('ignore_dept_assignments'),
    );
    const tickets = listableTickets(store);
    const departments = store.directory.departments
      .filter((department) => visible.has(department.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((department) => {
        const own = tickets.filter((ticket) => ticket.deptId === department.id);
        return {
          id: String(department.id),
          name: department.name,
          awaitingreply: String(
            own.filter((ticket) => store.statuses.isAwaitingReply(ticket.status)).length,
          ),
          opentickets: String(
            own.filter((ticket) => store.statuses.isActive(ticket.status)).length,
          ),
        };
      });
    return success({
      totalresults: departments.length,
      ...(departments.length === 0 ? {} : { departments: { department: departments } }),
    });
  },
};

/** GetSupportStatuses: configured statuses in sort order with int counts. */
export const getSupportStatuses: ApiAction = {
  name: 'getsupportstatuses',
  structured: true,
  run({ store, params }) {
    const deptId = params.int('deptid');
    const tickets = listableTickets(store).filter(
      (ticket) => deptId === 0 || ticket.deptId === deptId,
    );
    const statuses = store.statuses.all().map((definition) => ({
      title: definition.title,
      count: tickets.filter((ticket) => ticket.status === definition.title).length,
      color: definition.color,
    }));
    return success({ totalresults: statuses.length, statuses: { status: statuses } });
  },
};
