import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  AddTicketNoteBody,
  TicketDetailResponse,
  TicketNoteList,
  TicketPage,
  TicketsQuery,
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

  @Post(':id/notes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Add a private staff note to the WHMCS ticket',
    description:
      "WHMCS shows it as the API credential's admin, so the note ends with your name. Answers " +
      "the ticket's notes as WHMCS then has them. 503 when WHMCS did not confirm the note: look " +
      'at the ticket in WHMCS before adding it again.',
  })
  @ApiParam({ name: 'id', required: false, description: 'WHMCS ticket id' })
  @ApiJsonBody(AddTicketNoteBody)
  @ApiJsonResponse(HttpStatus.OK, TicketNoteList)
  @ApiErrorResponses(
    { status: HttpStatus.NOT_FOUND, description: 'No such ticket in the mirror' },
    TICKETS_UNAVAILABLE,
  )
  addNote(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(AddTicketNoteBody)) body: z.output<typeof AddTicketNoteBody>,
  ): Promise<TicketNoteList> {
    return this.tickets.addNote(user, id, body.text);
  }
}
