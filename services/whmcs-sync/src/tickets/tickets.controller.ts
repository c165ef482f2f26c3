import { Controller } from '@nestjs/common';

import type { RpcRequest, TicketDetail, TicketList, TicketNoteList } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { TicketNotesService } from './ticket-notes.service';
import { TicketQueriesService } from './ticket-queries.service';

@Controller()
export class TicketsController {
  constructor(
    private readonly tickets: TicketQueriesService,
    private readonly notes: TicketNotesService,
  ) {}

  @OnRequest(TicketsRpc.ListTickets)
  list(request: RpcRequest<'tickets.list'>): Promise<TicketList> {
    return this.tickets.list(request);
  }

  @OnRequest(TicketsRpc.GetTicket)
  get(request: RpcRequest<'tickets.get'>): Promise<TicketDetail> {
    return this.tickets.get(request.ticketId);
  }

  @OnRequest(TicketsRpc.AddNote)
  addNote(request: RpcRequest<'tickets.notes.add'>): Promise<TicketNoteList> {
    return this.notes.add(request);
  }
}
