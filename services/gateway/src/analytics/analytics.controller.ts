import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  AnalyticsQuery,
  AnalyticsReport,
  CloseGapBody,
  ForgetDismissedTopicQuery,
  GapClosed,
  GapReopened,
  KnowledgeGapsQuery,
  KnowledgeGapsReport,
  ReopenGapBody,
} from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnalyticsService } from './analytics.service';

@ApiTags('analytics')
@Controller('analytics')
@Roles('admin')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Hourly or daily series of interactions, latency, tokens, cost, feedback and draft outcomes',
  })
  @ApiJsonQuery(AnalyticsQuery)
  @ApiJsonResponse(HttpStatus.OK, AnalyticsReport)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'Invalid range, bucket or time zone' },
    {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      description: 'Neither llm nor whmcs-sync is reachable',
    },
  )
  report(
    @Query(new ZodValidationPipe(AnalyticsQuery)) query: z.output<typeof AnalyticsQuery>,
  ): Promise<AnalyticsReport> {
    return this.analytics.report(query);
  }

  @Get('knowledge-gaps')
  @ApiOperation({
    summary:
      'Chat questions and tickets of a range that the knowledge base answered weakly, grouped by topic',
  })
  @ApiJsonQuery(KnowledgeGapsQuery)
  @ApiJsonResponse(HttpStatus.OK, KnowledgeGapsReport)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'Invalid range' },
    { status: HttpStatus.SERVICE_UNAVAILABLE, description: 'llm is not reachable' },
  )
  knowledgeGaps(
    @Query(new ZodValidationPipe(KnowledgeGapsQuery)) query: z.output<typeof KnowledgeGapsQuery>,
  ): Promise<KnowledgeGapsReport> {
    return this.analytics.knowledgeGaps(query);
  }

  @Post('knowledge-gaps/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Take a knowledge gap's questions off the list",
    description:
      'With `resolution` `article` and the `documentId` of the article written for them, or ' +
      '`dismissed` for questions the knowledge base is not for (abuse reports, phishing). ' +
      'Answers how many were closed now; ids already closed or no longer logged are skipped. ' +
      'A ticket drafted again and answered weakly again is a gap again. With `dismissTopic` ' +
      "(`dismissed` only) the questions' topic is kept, and every new question like them is " +
      'dismissed as it is logged, until the topic is given up; the answer then names it.',
  })
  @ApiJsonBody(CloseGapBody)
  @ApiJsonResponse(HttpStatus.OK, GapClosed)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'No ids, too many, or a resolution mismatch' },
    { status: HttpStatus.SERVICE_UNAVAILABLE, description: 'llm is not reachable' },
  )
  closeGap(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(CloseGapBody)) body: z.output<typeof CloseGapBody>,
  ): Promise<GapClosed> {
    return this.analytics.closeGap(user, body);
  }

  @Delete('knowledge-gaps/dismissed-topics/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Stop dismissing a topic's new questions",
    description:
      'The questions it dismissed stay closed (reopen them from the closed list), unless ' +
      '`reopen=true` undoes the dismissal: then they count as gaps again.',
  })
  @ApiParam({ name: 'id', description: 'Dismissed topic id (UUID)' })
  @ApiJsonQuery(ForgetDismissedTopicQuery)
  @ApiErrorResponses(
    {
      status: HttpStatus.BAD_REQUEST,
      description: 'The id is not a UUID, or reopen not a boolean',
    },
    { status: HttpStatus.NOT_FOUND, description: 'No dismissed topic has the id' },
    { status: HttpStatus.SERVICE_UNAVAILABLE, description: 'llm is not reachable' },
  )
  forgetDismissedTopic(
    @Param('id', new ParseUUIDPipe()) topicId: string,
    @Query(new ZodValidationPipe(ForgetDismissedTopicQuery))
    query: z.output<typeof ForgetDismissedTopicQuery>,
  ): Promise<void> {
    return this.analytics.forgetDismissedTopic(topicId, query.reopen === true);
  }

  @Post('knowledge-gaps/reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Count closed questions as knowledge gaps again' })
  @ApiJsonBody(ReopenGapBody)
  @ApiJsonResponse(HttpStatus.OK, GapReopened)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'No ids or too many' },
    { status: HttpStatus.SERVICE_UNAVAILABLE, description: 'llm is not reachable' },
  )
  reopenGap(
    @Body(new ZodValidationPipe(ReopenGapBody)) body: z.output<typeof ReopenGapBody>,
  ): Promise<GapReopened> {
    return this.analytics.reopenGap(body);
  }
}
