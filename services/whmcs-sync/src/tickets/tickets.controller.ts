import { Controller } from '@nestjs/common';

import type { RpcRequest, TicketDetail, TicketList } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { TicketQueriesService } from './ticket-queries.service';

@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketQueriesService) {}

  @OnRequest(TicketsRpc.ListTickets)
  list(request: RpcRequest<'tickets.list'>): Promise<TicketList> {
    return this.tickets.list(request);
  }

  @OnRequest(TicketsRpc.GetTicket)
  get(request: RpcRequest<'tickets.get'>): Promise<TicketDetail> {
    return this.tickets.get(request.ticketId);
  }
}
