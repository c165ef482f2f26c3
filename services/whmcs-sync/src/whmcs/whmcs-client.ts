import { backOff } from 'exponential-backoff';
import type { z } from 'zod';

import type { Logger } from '@deskpilot/observability';

import {
  AdminDetails,
  type AdminUser,
  AdminUserList,
  ClientDetails,
  type ClientProduct,
  ClientProducts,
  type Department,
  DepartmentList,
  type SupportStatus,
  SupportStatusList,
  TicketDetail,
  type TicketListItem,
  TicketListPage,
} from './whmcs-responses';
import type { WhmcsParams, WhmcsTransport } from './whmcs-transport';
import { WhmcsErrorCode, WhmcsException } from './whmcs.exception';

export interface ReadRetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_READ_RETRY: ReadRetryPolicy = {
  attempts: 3,
  firstDelayMs: 250,
  maxDelayMs: 2_000,
};

export interface NewStaffReply {
  readonly ticketId: string;
  readonly message: string;
  /** Stored verbatim by WHMCS as the reply's author, shown to the customer. */
  readonly adminUsername: string;
  /** The ticket's status after the reply; WHMCS sets `Answered` without it. */
  readonly status?: string;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 1_000;
/** Enough services to tell which one a ticket is about; more only lengthen the prompt. */
const MAX_CLIENT_PRODUCTS = 100;
export const AWAITING_REPLY = 'Awaiting Reply';

/**
 * The WHMCS actions whmcs-sync uses, parsed tolerantly into typed values. Reads are retried with
 * jittered backoff on 5xx, timeouts and HTML answers; never on 403 (a retry can get the IP banned)
 * and never for AddTicketReply, which is not idempotent.
 */
export class WhmcsClient {
  constructor(
    private readonly transport: WhmcsTransport,
    private readonly logger: Logger,
    private readonly retry: ReadRetryPolicy = DEFAULT_READ_RETRY,
  ) {}

  /** The connection test: URL, credential, IP and permissions, plus the WHMCS version. */
  adminDetails(): Promise<AdminDetails> {
    return this.read('GetAdminDetails', {}, AdminDetails);
  }

  /** The enabled admin users whose email is `email` (GetAdminUsers matches it partially). */
  async adminUsersByEmail(email: string): Promise<AdminUser[]> {
    const result = await this.read('GetAdminUsers', { email }, AdminUserList);
    const wanted = email.trim().toLowerCase();
    return result.admin_users.filter(
      (admin) => !admin.isDisabled && admin.email.trim().toLowerCase() === wanted,
    );
  }

  /**
   * Every ticket in the install's Awaiting Reply set, in every department (the API admin may
   * be assigned to only some), paging until WHMCS has nothing more.
   */
  async awaitingTickets(): Promise<TicketListItem[]> {
    const tickets = new Map<string, TicketListItem>();
    for (let page = 0, start = 0; page < MAX_PAGES; page += 1) {
      const result = await this.read(
        'GetTickets',
        {
          status: AWAITING_REPLY,
          ignore_dept_assignments: true,
          limitstart: start,
          limitnum: PAGE_SIZE,
        },
        TicketListPage,
      );
      for (const ticket of result.tickets) {
        tickets.set(ticket.id, ticket);
      }
      const returned = result.tickets.length;
      start += returned;
      if (returned === 0 || start >= result.totalresults) {
        break;
      }
    }
    return [...tickets.values()];
  }

  ticket(ticketId: string): Promise<TicketDetail> {
    return this.read('GetTicket', { ticketid: ticketId, repliessort: 'ASC' }, TicketDetail);
  }

  clientDetails(clientId: string): Promise<ClientDetails> {
    return this.read('GetClientsDetails', { clientid: clientId, stats: true }, ClientDetails);
  }

  /** The client's services (first 100): product name, domain and status. */
  async clientProducts(clientId: string): Promise<ClientProduct[]> {
    const result = await this.read(
      'GetClientsProducts',
      { clientid: clientId, limitnum: MAX_CLIENT_PRODUCTS },
      ClientProducts,
    );
    return result.products;
  }

  async departments(): Promise<Department[]> {
    const result = await this.read(
      'GetSupportDepartments',
      { ignore_dept_assignments: true },
      DepartmentList,
    );
    return result.departments;
  }

  /** The install's ticket statuses in their configured order, custom ones included. */
  async supportStatuses(): Promise<SupportStatus[]> {
    const result = await this.read('GetSupportStatuses', {}, SupportStatusList);
    return result.statuses;
  }

  /**
   * A private staff note, from the API credential's admin. One attempt only: a retry after an
   * unclear failure could add it twice.
   */
  async addNote(ticketId: string, message: string): Promise<void> {
    await this.transport.call('AddTicketNote', { ticketid: ticketId, message, markdown: true });
  }

  /** One attempt only: a retry after an unclear failure could post the reply twice. */
  async addStaffReply(reply: NewStaffReply): Promise<void> {
    await this.transport.call('AddTicketReply', {
      ticketid: reply.ticketId,
      message: reply.message,
      adminusername: reply.adminUsername,
      markdown: true,
      ...(reply.status === undefined ? {} : { status: reply.status }),
    });
  }

  private async read<S extends z.ZodType>(
    action: string,
    params: WhmcsParams,
    schema: S,
  ): Promise<z.infer<S>> {
    const json = await backOff(() => this.transport.call(action, params), {
      numOfAttempts: this.retry.attempts,
      startingDelay: this.retry.firstDelayMs,
      maxDelay: this.retry.maxDelayMs,
      timeMultiple: 3,
      jitter: 'full',
      retry: (error: unknown, attempt: number) => {
        if (error instanceof WhmcsException && error.retryable) {
          this.logger.warn({ action, attempt, err: error.detail }, 'WHMCS call failed; retrying');
          return true;
        }
        return false;
      },
    });
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new WhmcsException(
        WhmcsErrorCode.InvalidResponse,
        action,
        `unexpected answer: ${parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')}`,
      );
    }
    return parsed.data;
  }
}
