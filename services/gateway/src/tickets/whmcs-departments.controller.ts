import { Body, Controller, Get, HttpStatus, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { DraftingDepartments, DraftingDepartmentsBody } from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TICKETS_UNAVAILABLE } from './tickets.openapi';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('whmcs/departments')
@Roles('admin')
export class WhmcsDepartmentsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({
    summary: "WHMCS's support departments, and which of them get drafts",
    description:
      '`source`: `all` (every department, ones added later too), `chosen` (in the console) or ' +
      '`environment` (WHMCS_DRAFT_DEPARTMENTS decides). With `fromWhmcs` false, WHMCS could ' +
      'not be asked and only the departments of polled tickets are listed.',
  })
  @ApiJsonResponse(HttpStatus.OK, DraftingDepartments)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  list(): Promise<DraftingDepartments> {
    return this.tickets.draftingDepartments();
  }

  @Put()
  @ApiOperation({
    summary: 'Choose the departments whose tickets get drafts (null: every department)',
    description:
      'Tickets of a department added get drafts from the next poll on; drafts already made in ' +
      'a department left out stay in the queue. Audited.',
  })
  @ApiJsonBody(DraftingDepartmentsBody)
  @ApiJsonResponse(HttpStatus.OK, DraftingDepartments)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'An id no WHMCS department has' },
    { status: HttpStatus.CONFLICT, description: 'WHMCS_DRAFT_DEPARTMENTS decides instead' },
    TICKETS_UNAVAILABLE,
  )
  choose(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(DraftingDepartmentsBody))
    body: z.output<typeof DraftingDepartmentsBody>,
  ): Promise<DraftingDepartments> {
    return this.tickets.chooseDraftingDepartments(user, body.departmentIds);
  }
}
