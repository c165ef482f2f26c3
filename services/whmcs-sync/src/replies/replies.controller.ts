import { Controller } from '@nestjs/common';

import type { RpcRequest, SentReplyList, SentReplyView } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { SentRepliesService } from './sent-replies.service';

@Controller()
export class RepliesController {
  constructor(private readonly replies: SentRepliesService) {}

  @OnRequest(TicketsRpc.ListSentReplies)
  list(request: RpcRequest<'tickets.replies.list'>): Promise<SentReplyList> {
    return this.replies.list(request);
  }

  @OnRequest(TicketsRpc.GetSentReply)
  get(request: RpcRequest<'tickets.replies.get'>): Promise<SentReplyView> {
    return this.replies.get(request);
  }
}
