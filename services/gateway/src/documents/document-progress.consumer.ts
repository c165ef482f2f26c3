import { Controller } from '@nestjs/common';

import type { DocumentProgress } from '@deskpilot/contracts';
import { KnowledgeEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import { DocumentProgressHub } from './document-progress.hub';

type EventHandled = void | Promise<void>;

/** Every gateway replica receives every progress event (a broadcast) for its own browsers. */
@Controller()
export class DocumentProgressConsumer {
  constructor(private readonly hub: DocumentProgressHub) {}

  @OnEvent(KnowledgeEvent.Progress)
  progress(event: DocumentProgress, _context: BusContext): EventHandled {
    this.hub.publish(event);
  }
}
