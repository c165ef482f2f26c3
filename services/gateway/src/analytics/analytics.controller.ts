import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { AnalyticsQuery, AnalyticsReport } from '@deskpilot/contracts';

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
}
