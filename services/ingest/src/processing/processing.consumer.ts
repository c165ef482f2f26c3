import { Controller } from '@nestjs/common';

import type { DocumentIndexed, DocumentQueued } from '@deskpilot/contracts';
import { KnowledgeEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import type { EventHandled } from '../common/event-handled';
import { MarkIndexedUseCase } from './mark-indexed.use-case';
import { ProcessDocumentUseCase } from './process-document.use-case';

@Controller()
export class ProcessingConsumer {
  constructor(
    private readonly processDocument: ProcessDocumentUseCase,
    private readonly markIndexed: MarkIndexedUseCase,
  ) {}

  @OnEvent(KnowledgeEvent.Queued)
  queued(command: DocumentQueued, _context: BusContext): EventHandled {
    return this.processDocument.execute(command);
  }

  @OnEvent(KnowledgeEvent.DocumentIndexed)
  indexed(event: DocumentIndexed, _context: BusContext): EventHandled {
    return this.markIndexed.execute(event);
  }
}
