import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  DeadLetterList,
  DeadLetterQuery,
  QueueOverview,
  ReplayDeadLettersRequest,
  ReplayDeadLettersResponse,
} from '@deskpilot/contracts';

import { Roles } from '../auth/access.decorators';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { OperationsService } from './operations.service';

const BROKER_DOWN = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  description: 'The message broker is unreachable',
};

@ApiTags('operations')
@Controller('ops')
@Roles('admin')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('queues')
  @ApiOperation({ summary: 'Messages waiting and consumers attached, per queue' })
  @ApiJsonResponse(HttpStatus.OK, QueueOverview)
  @ApiErrorResponses(BROKER_DOWN)
  queues(): Promise<QueueOverview> {
    return this.operations.queues();
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Messages that failed for good, newest first, with why they failed' })
  @ApiJsonQuery(DeadLetterQuery)
  @ApiJsonResponse(HttpStatus.OK, DeadLetterList)
  @ApiErrorResponses(BROKER_DOWN)
  deadLetters(
    @Query(new ZodValidationPipe(DeadLetterQuery)) query: z.output<typeof DeadLetterQuery>,
  ): Promise<DeadLetterList> {
    return this.operations.deadLetters(query.service);
  }

  @Post('dead-letters/replay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Send dead letters back to the queue they failed on (all of the service when no ids)',
  })
  @ApiJsonBody(ReplayDeadLettersRequest)
  @ApiJsonResponse(HttpStatus.OK, ReplayDeadLettersResponse)
  @ApiErrorResponses(BROKER_DOWN)
  replay(
    @Body(new ZodValidationPipe(ReplayDeadLettersRequest))
    body: z.output<typeof ReplayDeadLettersRequest>,
  ): Promise<ReplayDeadLettersResponse> {
    return this.operations.replay(body.service, body.ids);
  }
}
