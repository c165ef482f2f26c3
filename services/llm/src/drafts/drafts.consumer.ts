import { Controller } from '@nestjs/common';

import type { DraftRequested } from '@deskpilot/contracts';
import { DraftingEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import type { EventHandled } from '../common/event-handled';
import { DraftTicketUseCase } from './draft-ticket.use-case';

@Controller()
export class DraftsConsumer {
  constructor(private readonly draftTicket: DraftTicketUseCase) {}

  @OnEvent(DraftingEvent.DraftRequested)
  requested(request: DraftRequested, _context: BusContext): EventHandled {
    return this.draftTicket.execute(request);
  }
}
