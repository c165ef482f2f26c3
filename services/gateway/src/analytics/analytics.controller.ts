import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  AnalyticsQuery,
  AnalyticsReport,
  KnowledgeGapsQuery,
  KnowledgeGapsReport,
} from '@deskpilot/contracts';

import { Roles } from '../auth';
import { ApiErrorResponses, ApiJsonQuery, ApiJsonResponse } from '../http/openapi.decorators';
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
}
