import { Controller } from '@nestjs/common';

import type { ApproveDraftResponse, DraftList, DraftView, RpcRequest } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { ApproveDraftUseCase } from '../replies/approve-draft.use-case';
import { DraftsService } from './drafts.service';

@Controller()
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly approval: ApproveDraftUseCase,
  ) {}

  @OnRequest(TicketsRpc.ListDrafts)
  list(request: RpcRequest<'tickets.drafts.list'>): Promise<DraftList> {
    return this.drafts.list(request);
  }

  @OnRequest(TicketsRpc.GetDraft)
  get(request: RpcRequest<'tickets.drafts.get'>): Promise<DraftView> {
    return this.drafts.get(request.draftId);
  }

  @OnRequest(TicketsRpc.EditDraft)
  edit(request: RpcRequest<'tickets.drafts.edit'>): Promise<DraftView> {
    return this.drafts.edit(request);
  }

  @OnRequest(TicketsRpc.ApproveDraft)
  approve(request: RpcRequest<'tickets.drafts.approve'>): Promise<ApproveDraftResponse> {
    return this.approval.execute(request);
  }

  @OnRequest(TicketsRpc.RejectDraft)
  reject(request: RpcRequest<'tickets.drafts.reject'>): Promise<DraftView> {
    return this.drafts.reject(request);
  }

  @OnRequest(TicketsRpc.RegenerateDraft)
  regenerate(request: RpcRequest<'tickets.drafts.regenerate'>): Promise<DraftView> {
    return this.drafts.regenerate(request);
  }
}
