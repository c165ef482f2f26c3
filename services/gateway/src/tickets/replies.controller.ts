import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { RepliesQuery, SentReplyPage } from '@deskpilot/contracts';

import { Roles } from '../auth';
import { ApiErrorResponses, ApiJsonQuery, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TICKETS_UNAVAILABLE } from './tickets.openapi';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('replies')
@Roles('admin', 'staff')
export class RepliesController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({
    summary: 'Replies posted to WHMCS, newest first, with who approved them and the edit ratio',
  })
  @ApiJsonQuery(RepliesQuery)
  @ApiJsonResponse(HttpStatus.OK, SentReplyPage)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  list(
    @Query(new ZodValidationPipe(RepliesQuery)) query: z.output<typeof RepliesQuery>,
  ): Promise<SentReplyPage> {
    return this.tickets.listReplies(query);
  }
}
