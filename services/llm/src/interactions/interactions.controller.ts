import { Controller } from '@nestjs/common';

import type {
  FeedbackRecorded,
  InteractionDetail,
  RpcRequest,
  RpcResponse,
} from '@deskpilot/contracts';
import { AnalyticsRpc, InteractionsEvent, InteractionsRpc } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent, OnRequest } from '@deskpilot/messaging';

import type { EventHandled } from '../common/event-handled';
import { InteractionStatsService } from './interaction-stats.service';
import { InteractionsService } from './interactions.service';
import { KnowledgeGapsService } from './knowledge-gaps.service';

@Controller()
export class InteractionsController {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly stats: InteractionStatsService,
    private readonly knowledgeGaps: KnowledgeGapsService,
  ) {}

  @OnRequest(InteractionsRpc.List)
  list(
    request: RpcRequest<typeof InteractionsRpc.List>,
  ): Promise<RpcResponse<typeof InteractionsRpc.List>> {
    return this.interactions.list(request);
  }

  @OnRequest(InteractionsRpc.Get)
  get(request: RpcRequest<typeof InteractionsRpc.Get>): Promise<InteractionDetail> {
    return this.interactions.get(request.id);
  }

  @OnRequest(AnalyticsRpc.InteractionStats)
  statistics(
    request: RpcRequest<typeof AnalyticsRpc.InteractionStats>,
  ): Promise<RpcResponse<typeof AnalyticsRpc.InteractionStats>> {
    return this.stats.stats(request);
  }

  @OnRequest(AnalyticsRpc.KnowledgeGaps)
  gaps(
    request: RpcRequest<typeof AnalyticsRpc.KnowledgeGaps>,
  ): Promise<RpcResponse<typeof AnalyticsRpc.KnowledgeGaps>> {
    return this.knowledgeGaps.gaps(
      new Date(request.from),
      new Date(request.to),
      request.closed === true,
    );
  }

  @OnRequest(AnalyticsRpc.CloseGap)
  closeGap(
    request: RpcRequest<typeof AnalyticsRpc.CloseGap>,
  ): Promise<RpcResponse<typeof AnalyticsRpc.CloseGap>> {
    return this.knowledgeGaps.close(request);
  }

  @OnRequest(AnalyticsRpc.ForgetDismissedTopic)
  forgetDismissedTopic(
    request: RpcRequest<typeof AnalyticsRpc.ForgetDismissedTopic>,
  ): Promise<RpcResponse<typeof AnalyticsRpc.ForgetDismissedTopic>> {
    return this.knowledgeGaps.forgetTopic(request);
  }

  @OnRequest(AnalyticsRpc.ReopenGap)
  async reopenGap(
    request: RpcRequest<typeof AnalyticsRpc.ReopenGap>,
  ): Promise<RpcResponse<typeof AnalyticsRpc.ReopenGap>> {
    return { reopened: await this.knowledgeGaps.reopen(request.interactionIds) };
  }

  @OnEvent(InteractionsEvent.FeedbackRecorded)
  feedback(event: FeedbackRecorded, _context: BusContext): EventHandled {
    return this.interactions.recordFeedback(event);
  }
}
