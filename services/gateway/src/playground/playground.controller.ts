import { Body, Controller, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod';

import { PlaygroundRequest, PlaygroundResult } from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { EventRelay, SseStream, acceptsEventStream } from '../chat/sse-stream';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { PlaygroundService } from './playground.service';

@ApiTags('playground')
@Controller('playground')
@Roles('admin')
export class PlaygroundController {
  constructor(private readonly playground: PlaygroundService) {}

  @Post()
  @ApiOperation({
    summary: 'Try a query with the current settings, a stored version or a draft',
    description:
      'Returns the passages with their scores, the prompt as sent and the answer. With ' +
      '`Accept: text/event-stream`: events `started` (passages, prompt), `token`, `citations`, ' +
      '`final` (the whole result). Compare two settings side by side with two calls.',
  })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiJsonBody(PlaygroundRequest)
  @ApiJsonResponse(HttpStatus.OK, PlaygroundResult)
  @ApiErrorResponses({ status: HttpStatus.NOT_FOUND, description: 'No such settings version' })
  async run(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(PlaygroundRequest)) body: z.output<typeof PlaygroundRequest>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!acceptsEventStream(request)) {
      const run = await this.playground.run(user, body, () => undefined);
      response.status(HttpStatus.OK).json(await run.done);
      return;
    }
    const relay = new EventRelay();
    const run = await this.playground.run(user, body, (event) => {
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
        data: { reason: 'internal', message: 'The playground answer failed', retryable: true },
      });
    } finally {
      relay.end();
    }
  }
}
