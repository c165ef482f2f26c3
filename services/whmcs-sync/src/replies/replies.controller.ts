import { Controller } from '@nestjs/common';

import type {
  ReplyAuthor,
  RpcRequest,
  SentReplyList,
  SentReplyView,
  SimilarReplies,
  TicketStatusList,
} from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { PostingIdentityService } from './posting-identity.service';
import { SentRepliesService } from './sent-replies.service';
import { TicketStatusesService } from './ticket-statuses.service';

@Controller()
export class RepliesController {
  constructor(
    private readonly replies: SentRepliesService,
    private readonly identity: PostingIdentityService,
    private readonly statuses: TicketStatusesService,
  ) {}

  @OnRequest(TicketsRpc.ListSentReplies)
  list(request: RpcRequest<'tickets.replies.list'>): Promise<SentReplyList> {
    return this.replies.list(request);
  }

  @OnRequest(TicketsRpc.GetSentReply)
  get(request: RpcRequest<'tickets.replies.get'>): Promise<SentReplyView> {
    return this.replies.get(request);
  }

  @OnRequest(TicketsRpc.SimilarReplies)
  similar(request: RpcRequest<'tickets.replies.similar'>): Promise<SimilarReplies> {
    return this.replies.similar(request);
  }

  @OnRequest(TicketsRpc.ReplyAuthor)
  author(request: RpcRequest<'tickets.replies.author'>): Promise<ReplyAuthor> {
    return this.identity.authorFor(request.approver);
  }

  @OnRequest(TicketsRpc.Statuses)
  ticketStatuses(): Promise<TicketStatusList> {
    return this.statuses.list();
  }
}
