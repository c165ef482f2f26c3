import { Controller, Get, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  InteractionDetail,
  InteractionsQuery,
  ListInteractionsResponse,
} from '@deskpilot/contracts';

import { Roles } from '../auth';
import { ApiErrorResponses, ApiJsonQuery, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { InteractionsService } from './interactions.service';

const UNAVAILABLE = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  description: 'The llm service is not reachable',
};

@ApiTags('interactions')
@Controller('interactions')
@Roles('admin')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Interaction log, newest first, filtered by user, time, feedback, model, outcome, kind and confidence',
  })
  @ApiJsonQuery(InteractionsQuery)
  @ApiJsonResponse(HttpStatus.OK, ListInteractionsResponse)
  @ApiErrorResponses(UNAVAILABLE)
  list(
    @Query(new ZodValidationPipe(InteractionsQuery)) query: z.output<typeof InteractionsQuery>,
  ): Promise<ListInteractionsResponse> {
    return this.interactions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One interaction: question, prompt as sent, passages, answer, usage' })
  @ApiParam({ name: 'id', required: false, description: 'Interaction id (UUID)' })
  @ApiJsonResponse(HttpStatus.OK, InteractionDetail)
  @ApiErrorResponses(
    { status: HttpStatus.NOT_FOUND, description: 'No such interaction' },
    UNAVAILABLE,
  )
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<InteractionDetail> {
    return this.interactions.get(id);
  }
}
