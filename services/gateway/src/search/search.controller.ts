import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { SearchQueryRequest, SearchResponse } from '@deskpilot/contracts';

import { Roles } from '../auth';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
@Roles('admin', 'staff')
export class SearchController {
  constructor(private readonly searches: SearchService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hybrid search of the knowledge base, best passages first' })
  @ApiJsonBody(SearchQueryRequest)
  @ApiJsonResponse(HttpStatus.OK, SearchResponse)
  @ApiErrorResponses({
    status: HttpStatus.SERVICE_UNAVAILABLE,
    description: 'The retrieval service is not reachable',
  })
  search(
    @Body(new ZodValidationPipe(SearchQueryRequest)) body: z.output<typeof SearchQueryRequest>,
  ): Promise<SearchResponse> {
    return this.searches.search(body);
  }
}
