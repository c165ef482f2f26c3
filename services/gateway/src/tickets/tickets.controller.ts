import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { TicketDetailResponse, TicketPage, TicketsQuery } from '@deskpilot/contracts';

import { Roles } from '../auth';
import { ApiErrorResponses, ApiJsonQuery, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TICKETS_UNAVAILABLE } from './tickets.openapi';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('tickets')
@Roles('admin', 'staff')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({
    summary: 'WHMCS tickets mirrored by whmcs-sync, by default those awaiting a staff reply',
  })
  @ApiJsonQuery(TicketsQuery)
  @ApiJsonResponse(HttpStatus.OK, TicketPage)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  list(
    @Query(new ZodValidationPipe(TicketsQuery)) query: z.output<typeof TicketsQuery>,
  ): Promise<TicketPage> {
    return this.tickets.listTickets(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One ticket: its thread, the customer, every draft and the current one',
  })
  @ApiParam({ name: 'id', required: false, description: 'WHMCS ticket id' })
  @ApiJsonResponse(HttpStatus.OK, TicketDetailResponse)
  @ApiErrorResponses(
    { status: HttpStatus.NOT_FOUND, description: 'No such ticket in the mirror' },
    TICKETS_UNAVAILABLE,
  )
  get(@Param('id') id: string): Promise<TicketDetailResponse> {
    return this.tickets.getTicket(id);
  }
}
