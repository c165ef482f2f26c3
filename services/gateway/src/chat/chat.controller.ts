import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod';

import { ChatExchange, SendMessageRequest } from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ChatService } from './chat.service';
import { EventRelay, SseStream, acceptsEventStream } from './sse-stream';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such conversation of yours' };
const id = new ParseUUIDPipe();

@ApiTags('chat')
@ApiParam({ name: 'id', required: false, description: 'Conversation id (UUID)' })
@Controller('conversations')
@Roles('admin', 'staff')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post(':id/messages')
  @ApiOperation({
    summary: 'Ask a question in a conversation',
    description:
      'With `Accept: text/event-stream` the answer streams as server-sent events: `started`, ' +
      '`token` (many), `citations`, `final` (the stored messages) and, when the answer failed, ' +
      '`error`. Otherwise the stored exchange is returned as JSON once the answer is complete. ' +
      'Leaving the stream early stops the answer.',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiJsonBody(SendMessageRequest)
  @ApiJsonResponse(HttpStatus.CREATED, ChatExchange, 'The stored question and answer (JSON)')
  @ApiErrorResponses(NOT_FOUND)
  async send(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) conversationId: string,
    @Body(new ZodValidationPipe(SendMessageRequest)) body: z.output<typeof SendMessageRequest>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!acceptsEventStream(request)) {
      const run = await this.chat.send(user, conversationId, body.content, () => undefined);
      response.status(HttpStatus.CREATED).json(await run.done);
      return;
    }
    // Headers go out only once the question is accepted, so a 404 is still a plain error.
    const relay = new EventRelay();
    const run = await this.chat.send(user, conversationId, body.content, (event) => {
      relay.push(event);
    });
    relay.attach(
      new SseStream(response, () => {
        void run.cancel();
      }),
    );
    try {
      await run.done;
    } catch {
      relay.push({
        event: 'error',
        data: {
          reason: 'internal',
          message: 'The answer could not be stored. Please try again.',
          retryable: true,
          assistantMessageId: null,
        },
      });
    } finally {
      relay.end();
    }
  }

  @Post(':id/messages/:messageId/cancel')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stop an answer being written; it is stored as cancelled' })
  @ApiParam({ name: 'messageId', required: false, description: 'Assistant message id (UUID)' })
  @ApiErrorResponses(NOT_FOUND, {
    status: HttpStatus.CONFLICT,
    description: 'The answer is not being written',
  })
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) conversationId: string,
    @Param('messageId', id) messageId: string,
  ): Promise<void> {
    return this.chat.stop(user, conversationId, messageId);
  }
}
