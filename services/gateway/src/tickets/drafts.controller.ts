import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotAcceptableException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod';

import {
  ApproveDraftBody,
  ApproveDraftResponse,
  DraftPage,
  DraftView,
  DraftsQuery,
  EditDraftBody,
  MAX_SIMILAR_REPLIES,
  RegenerateDraftBody,
  RejectDraftBody,
  SimilarReplies,
} from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { acceptsEventStream } from '../chat/sse-stream';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { DraftEventsStreamer } from './draft-events.streamer';
import { DRAFT_CONFLICT, DRAFT_NOT_FOUND, TICKETS_UNAVAILABLE } from './tickets.openapi';
import { TicketsService } from './tickets.service';

const id = new ParseUUIDPipe();

@ApiTags('drafts')
@Controller('drafts')
@Roles('admin', 'staff')
export class DraftsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly streamer: DraftEventsStreamer,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Drafts by status, department, ticket and confidence; latest change first unless sorted',
  })
  @ApiJsonQuery(DraftsQuery)
  @ApiJsonResponse(HttpStatus.OK, DraftPage)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  list(
    @Query(new ZodValidationPipe(DraftsQuery)) query: z.output<typeof DraftsQuery>,
  ): Promise<DraftPage> {
    return this.tickets.listDrafts(query);
  }

  /** Declared before `:id`, so `events` is never taken for a draft id. */
  @Get('events')
  @ApiOperation({
    summary: 'Live draft changes as server-sent events',
    description:
      'Requires `Accept: text/event-stream`. Events: `ready` once connected, `draft` (a ' +
      '`tickets.draft.changed` payload) for every new or changed draft, `heartbeat` every 15 s.',
  })
  @ApiProduces('text/event-stream')
  @ApiErrorResponses({
    status: HttpStatus.NOT_ACCEPTABLE,
    description: 'The request did not accept text/event-stream',
  })
  events(@Req() request: Request, @Res() response: Response): void {
    if (!acceptsEventStream(request)) {
      throw new NotAcceptableException('This route streams text/event-stream only');
    }
    this.streamer.open(response);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One draft with its texts, citations, flags and history' })
  @ApiParam({ name: 'id', required: false, description: 'Draft id (UUID)' })
  @ApiJsonResponse(HttpStatus.OK, DraftView)
  @ApiErrorResponses(DRAFT_NOT_FOUND, TICKETS_UNAVAILABLE)
  get(@Param('id', id) draftId: string): Promise<DraftView> {
    return this.tickets.getDraft(draftId);
  }

  @Get(':id/similar-replies')
  @ApiOperation({
    summary: 'Replies sent earlier to other tickets that ask what this draft answers',
    description:
      `At most ${MAX_SIMILAR_REPLIES}, most alike first: the latest 2,000 sent replies are ranked ` +
      "by how well their ticket's subject and the customer message they answered match this " +
      "draft's (BM25 over stemmed words, the subject counted twice); a reply counts when its " +
      'ticket shares at least two of those words and scores at least half the best one.',
  })
  @ApiParam({ name: 'id', required: false, description: 'Draft id (UUID)' })
  @ApiJsonResponse(HttpStatus.OK, SimilarReplies)
  @ApiErrorResponses(DRAFT_NOT_FOUND, TICKETS_UNAVAILABLE)
  similarReplies(@Param('id', id) draftId: string): Promise<SimilarReplies> {
    return this.tickets.similarReplies(draftId);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a ready draft; the drafted text is kept beside the edited one',
  })
  @ApiParam({ name: 'id', required: false, description: 'Draft id (UUID)' })
  @ApiJsonBody(EditDraftBody)
  @ApiJsonResponse(HttpStatus.OK, DraftView)
  @ApiErrorResponses(DRAFT_NOT_FOUND, DRAFT_CONFLICT, TICKETS_UNAVAILABLE)
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) draftId: string,
    @Body(new ZodValidationPipe(EditDraftBody)) body: z.output<typeof EditDraftBody>,
  ): Promise<DraftView> {
    return this.tickets.editDraft(user, draftId, body);
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve a draft and post it to the WHMCS ticket, exactly once',
    description:
      'The ticket is read in WHMCS first: when the customer wrote again or staff answered ' +
      'there, nothing is posted and the answer is 409. Otherwise `outcome` tells what happened: ' +
      '`sent`, `sending` (being confirmed; a draft event follows), `queued` (WHMCS unreachable, ' +
      'posted later) or `failed` (WHMCS refused it). Takes up to about 10 s.',
  })
  @ApiParam({ name: 'id', required: false, description: 'Draft id (UUID)' })
  @ApiJsonBody(ApproveDraftBody)
  @ApiJsonResponse(HttpStatus.OK, ApproveDraftResponse)
  @ApiErrorResponses(DRAFT_NOT_FOUND, DRAFT_CONFLICT, TICKETS_UNAVAILABLE)
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) draftId: string,
    @Body(new ZodValidationPipe(ApproveDraftBody)) body: z.output<typeof ApproveDraftBody>,
  ): Promise<ApproveDraftResponse> {
    return this.tickets.approveDraft(user, draftId, body);
  }

  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject a draft, with an optional reason; nothing is posted' })
  @ApiParam({ name: 'id', required: false, description: 'Draft id (UUID)' })
  @ApiJsonBody(RejectDraftBody)
  @ApiJsonResponse(HttpStatus.OK, DraftView)
  @ApiErrorResponses(DRAFT_NOT_FOUND, DRAFT_CONFLICT, TICKETS_UNAVAILABLE)
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) draftId: string,
    @Body(new ZodValidationPipe(RejectDraftBody)) body: z.output<typeof RejectDraftBody>,
  ): Promise<DraftView> {
    return this.tickets.rejectDraft(user, draftId, body);
  }

  @Post(':id/regenerate')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Reject the draft and ask for a new one; answers the new, pending draft',
    description:
      '`guidance` (optional) tells the drafter what to do differently; its words also steer the ' +
      'knowledge-base search, and the new draft keeps it. `sourceDocumentIds` (optional) has ' +
      'the new draft written from those knowledge-base documents only, such as the article a ' +
      'draft left out though it fits the ticket as well; the new draft keeps them too.',
  })
  @ApiParam({ name: 'id', required: false, description: 'Draft id (UUID)' })
  @ApiJsonBody(RegenerateDraftBody)
  @ApiJsonResponse(HttpStatus.ACCEPTED, DraftView)
  @ApiErrorResponses(DRAFT_NOT_FOUND, DRAFT_CONFLICT, TICKETS_UNAVAILABLE)
  regenerate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) draftId: string,
    @Body(new ZodValidationPipe(RegenerateDraftBody)) body: z.output<typeof RegenerateDraftBody>,
  ): Promise<DraftView> {
    return this.tickets.regenerateDraft(user, draftId, body);
  }
}
