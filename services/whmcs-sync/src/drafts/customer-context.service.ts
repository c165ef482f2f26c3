import { Inject, Injectable } from '@nestjs/common';

import type { CustomerContext } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import { WhmcsClient } from '../whmcs/whmcs-client';
import type { ClientDetails } from '../whmcs/whmcs-responses';
import { decodeEntities } from '../whmcs/whmcs-values';
import { WhmcsErrorCode, isWhmcsError } from '../whmcs/whmcs.exception';

const NOT_ALLOWED = /Invalid Permissions/i;

/** Client records change rarely; one GetClientsDetails per client and hour is plenty. */
const CACHE_MS = 60 * 60_000;

/**
 * What the drafter may know about the customer: name, company, language, status, credit and
 * overdue invoices from GetClientsDetails, and the services (product, domain, status) from
 * GetClientsProducts. Internal client notes and service credentials are never included.
 */
@Injectable()
export class CustomerContextService {
  private readonly recent = new Map<string, { context: CustomerContext; at: number }>();
  /** False once WHMCS said the API role may not call GetClientsProducts. */
  private productsAllowed = true;

  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly mirror: TicketMirrorRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async contextFor(ticket: MirroredTicket): Promise<CustomerContext> {
    if (ticket.clientId === '0') {
      return this.guest(ticket);
    }
    if (
      ticket.customer !== null &&
      ticket.customerFetchedAt !== null &&
      Date.now() - ticket.customerFetchedAt.getTime() < CACHE_MS
    ) {
      return ticket.customer;
    }
    const known = this.recent.get(ticket.clientId);
    if (known !== undefined && Date.now() - known.at < CACHE_MS) {
      await this.mirror.saveCustomer(ticket.id, known.context);
      return known.context;
    }
    let details: ClientDetails;
    try {
      details = await this.whmcs.clientDetails(ticket.clientId);
    } catch (error) {
      if (isWhmcsError(error, WhmcsErrorCode.Rejected)) {
        return this.guest(ticket);
      }
      throw error;
    }
    const context = toCustomerContext(details, ticket, await this.services(ticket));
    this.recent.set(ticket.clientId, { context, at: Date.now() });
    await this.mirror.saveCustomer(ticket.id, context);
    return context;
  }

  /**
   * An API role without GetClientsProducts answers 403 for it alone: drafts go on without the
   * services instead of stopping the sync, which every other 403 does.
   */
  private async services(ticket: MirroredTicket): Promise<CustomerContext['services']> {
    if (!this.productsAllowed) {
      return [];
    }
    try {
      const products = await this.whmcs.clientProducts(ticket.clientId);
      return products.map((product) => ({
        product: decodeEntities(product.name),
        domain: product.domain,
        status: product.status,
      }));
    } catch (error) {
      if (isWhmcsError(error, WhmcsErrorCode.Forbidden) && NOT_ALLOWED.test(error.detail)) {
        this.productsAllowed = false;
        this.logger.warn(
          { err: error.detail },
          'The WHMCS API role may not call GetClientsProducts; drafts are written without the client services',
        );
        return [];
      }
      if (isWhmcsError(error, WhmcsErrorCode.Rejected)) {
        return [];
      }
      throw error;
    }
  }

  private guest(ticket: MirroredTicket): CustomerContext {
    return { name: ticket.customerName || ticket.customerEmail, services: [] };
  }
}

function toCustomerContext(
  details: ClientDetails,
  ticket: MirroredTicket,
  services: CustomerContext['services'],
): CustomerContext {
  const { client, stats } = details;
  const name =
    client.fullname || `${client.firstname} ${client.lastname}`.trim() || ticket.customerName;
  const optional = (value: string): string | undefined => (value === '' ? undefined : value);
  return {
    name: decodeEntities(name),
    company: optional(decodeEntities(client.companyname)),
    language: optional(client.language),
    status: optional(client.status),
    creditBalance: optional(stats?.creditbalance ?? client.credit),
    overdueInvoices: stats?.numoverdueinvoices,
    services,
  };
}
