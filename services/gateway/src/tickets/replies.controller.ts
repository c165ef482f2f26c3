import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  DocumentUploadResult,
  RepliesQuery,
  ReplyAuthor,
  ReplyToKnowledgeBody,
  SentReplyPage,
  TicketStatusList,
} from '@deskpilot/contracts';

import { CurrentUser, Roles } from '../auth';
import type { AuthenticatedUser } from '../auth';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ReplyKnowledgeService } from './reply-knowledge.service';
import { TICKETS_UNAVAILABLE } from './tickets.openapi';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('replies')
@Roles('admin', 'staff')
export class RepliesController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly knowledge: ReplyKnowledgeService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Replies posted to WHMCS, newest first, with who approved them and the edit ratio',
    description:
      '`search` finds the replies whose text or ticket subject contains every word of it, or ' +
      'the replies of the ticket with that number: how a question was answered before.',
  })
  @ApiJsonQuery(RepliesQuery)
  @ApiJsonResponse(HttpStatus.OK, SentReplyPage)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  list(
    @Query(new ZodValidationPipe(RepliesQuery)) query: z.output<typeof RepliesQuery>,
  ): Promise<SentReplyPage> {
    return this.tickets.listReplies(query);
  }

  @Get('author')
  @ApiOperation({
    summary: 'Who WHMCS shows as the author of the replies you approve, and your signature',
    description:
      '`source` is `approver` when the reply goes out under your own WHMCS admin (found by your ' +
      'email) with your WHMCS signature below it, `integration` when it goes out as the ' +
      "integration's admin (WHMCS_REPLY_AUTHOR).",
  })
  @ApiJsonResponse(HttpStatus.OK, ReplyAuthor)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  author(@CurrentUser() user: AuthenticatedUser): Promise<ReplyAuthor> {
    return this.tickets.replyAuthor(user);
  }

  @Get('statuses')
  @ApiOperation({
    summary: 'The WHMCS ticket statuses a reply can set',
    description:
      "The install's statuses in their configured order (GetSupportStatuses), custom ones " +
      'included; pass one as `status` when approving a draft. `fromWhmcs` is false when WHMCS ' +
      'could not be asked: the list then holds only Answered and Closed, which every install has.',
  })
  @ApiJsonResponse(HttpStatus.OK, TicketStatusList)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  statuses(): Promise<TicketStatusList> {
    return this.tickets.replyStatuses();
  }

  @Post(':id/knowledge')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Add a sent reply to the knowledge base as an article (title and text may be edited)',
    description:
      'Answers the upload result: `created` (queued for ingestion) or `duplicate` (the same ' +
      'article is already a document). Audited.',
  })
  @ApiJsonBody(ReplyToKnowledgeBody)
  @ApiJsonResponse(HttpStatus.OK, DocumentUploadResult)
  @ApiErrorResponses(
    { status: HttpStatus.NOT_FOUND, description: 'No such sent reply' },
    { status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The article could not be stored' },
    TICKETS_UNAVAILABLE,
  )
  addToKnowledge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(ReplyToKnowledgeBody)) body: z.output<typeof ReplyToKnowledgeBody>,
  ): Promise<DocumentUploadResult> {
    return this.knowledge.addToKnowledge(user, id, body);
  }
}
