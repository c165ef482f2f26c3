import { Controller, Inject } from '@nestjs/common';

import type { DraftingDepartments, RpcRequest } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { TicketPollerService } from '../sync/ticket-poller.service';
import { DraftingDepartmentsService } from './drafting-departments.service';

@Controller()
export class DraftingDepartmentsController {
  constructor(
    private readonly departments: DraftingDepartmentsService,
    private readonly poller: TicketPollerService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @OnRequest(TicketsRpc.DraftingDepartments)
  list(): Promise<DraftingDepartments> {
    return this.departments.list();
  }

  /**
   * After a choice one poll runs at once, so the waiting tickets of a department added get their
   * drafts now rather than at the next poll; the answer does not wait for it.
   */
  @OnRequest(TicketsRpc.SetDraftingDepartments)
  async choose(request: RpcRequest<'tickets.departments.set'>): Promise<DraftingDepartments> {
    const chosen = await this.departments.choose(request);
    this.poller.runNow(false).catch((error: unknown) => {
      this.logger.warn({ err: String(error) }, 'The poll after a choice of departments failed');
    });
    return chosen;
  }
}
