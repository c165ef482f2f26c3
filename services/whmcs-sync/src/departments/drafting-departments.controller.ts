import { Controller } from '@nestjs/common';

import type { DraftingDepartments, RpcRequest } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { DraftingDepartmentsService } from './drafting-departments.service';

@Controller()
export class DraftingDepartmentsController {
  constructor(private readonly departments: DraftingDepartmentsService) {}

  @OnRequest(TicketsRpc.DraftingDepartments)
  list(): Promise<DraftingDepartments> {
    return this.departments.list();
  }

  @OnRequest(TicketsRpc.SetDraftingDepartments)
  choose(request: RpcRequest<'tickets.departments.set'>): Promise<DraftingDepartments> {
    return this.departments.choose(request);
  }
}
