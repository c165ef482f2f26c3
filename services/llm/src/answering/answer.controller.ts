import { Controller } from '@nestjs/common';
import type { Observable } from 'rxjs';

import type { AnswerCancelled, AnswerChunk } from '@deskpilot/contracts';
import { AnsweringEvent, AnsweringRpc } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent, OnStream } from '@deskpilot/messaging';

import type { EventHandled } from '../common/event-handled';
import { AnswerStreamService } from './answer-stream.service';
import type { AnswerStreamRequest } from './answer-stream.service';

@Controller()
export class AnswerController {
  constructor(private readonly answers: AnswerStreamService) {}

  @OnStream(AnsweringRpc.Answer)
  answer(request: AnswerStreamRequest, _context: BusContext): Observable<AnswerChunk> {
    return this.answers.stream(request);
  }

  @OnEvent(AnsweringEvent.AnswerCancelled)
  cancelled(event: AnswerCancelled, _context: BusContext): EventHandled {
    this.answers.cancel(event.interactionId);
  }
}
