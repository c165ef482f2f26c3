import { Controller } from '@nestjs/common';

import type { RpcRequest, SyncRunResult, SyncStatus } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { SyncStatusService } from './sync-status.service';

@Controller()
export class SyncController {
  constructor(private readonly sync: SyncStatusService) {}

  @OnRequest(TicketsRpc.SyncStatus)
  status(): Promise<SyncStatus> {
    return this.sync.status();
  }

  @OnRequest(TicketsRpc.ResumeSync)
  resume(request: RpcRequest<'tickets.sync.resume'>): Promise<SyncStatus> {
    return this.sync.resume(request.requestedBy);
  }

  @OnRequest(TicketsRpc.RunSync)
  run(request: RpcRequest<'tickets.sync.run'>): Promise<SyncRunResult> {
    return this.sync.runNow(request.full);
  }
}
