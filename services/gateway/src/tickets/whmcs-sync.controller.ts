import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { RunSyncBody, SyncRunResult, SyncStatus } from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TICKETS_UNAVAILABLE } from './tickets.openapi';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@Controller('whmcs/sync')
@Roles('admin')
export class WhmcsSyncController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({
    summary: 'WHMCS polling: state, last poll and error, drafts by status, open alerts',
  })
  @ApiJsonResponse(HttpStatus.OK, SyncStatus)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  status(): Promise<SyncStatus> {
    return this.tickets.syncStatus();
  }

  @Post('resume')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume polling and posting after WHMCS answered 403' })
  @ApiJsonResponse(HttpStatus.OK, SyncStatus)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  resume(@CurrentUser() user: AuthenticatedUser): Promise<SyncStatus> {
    return this.tickets.resumeSync(user);
  }

  @Post('run')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Poll WHMCS now (`full`: re-read every awaiting ticket)' })
  @ApiJsonBody(RunSyncBody)
  @ApiJsonResponse(HttpStatus.OK, SyncRunResult)
  @ApiErrorResponses(TICKETS_UNAVAILABLE)
  run(
    @Body(new ZodValidationPipe(RunSyncBody)) body: z.output<typeof RunSyncBody>,
  ): Promise<SyncRunResult> {
    return this.tickets.runSync(body.full);
  }
}
