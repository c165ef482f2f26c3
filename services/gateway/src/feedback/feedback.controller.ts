import {
  Body,
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Put,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { FeedbackRequest, MessageFeedback } from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { FeedbackService } from './feedback.service';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such answer of yours' };
const id = new ParseUUIDPipe();

@ApiTags('chat')
@ApiParam({ name: 'id', required: false, description: 'Assistant message id (UUID)' })
@Controller('feedback')
@Roles('admin', 'staff')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Put(':id')
  @ApiOperation({ summary: 'Rate an answer up or down, with an optional comment; replaces yours' })
  @ApiJsonBody(FeedbackRequest)
  @ApiJsonResponse(HttpStatus.OK, MessageFeedback)
  @ApiErrorResponses(NOT_FOUND)
  give(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) messageId: string,
    @Body(new ZodValidationPipe(FeedbackRequest)) body: z.output<typeof FeedbackRequest>,
  ): Promise<MessageFeedback> {
    return this.feedback.give(user, messageId, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw your rating of an answer' })
  @ApiErrorResponses(NOT_FOUND)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) messageId: string,
  ): Promise<void> {
    return this.feedback.withdraw(user, messageId);
  }
}
