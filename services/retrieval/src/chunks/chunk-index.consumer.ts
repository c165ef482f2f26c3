import { Controller } from '@nestjs/common';

import type { ChunksEmbedded, DocumentEmbedded, DocumentRemoved } from '@deskpilot/contracts';
import { KnowledgeEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import type { EventHandled } from '../common/event-handled';
import { ChunkIndexService } from './chunk-index.service';

@Controller()
export class ChunkIndexConsumer {
  constructor(private readonly service: ChunkIndexService) {}

  @OnEvent(KnowledgeEvent.ChunksEmbedded)
  chunksEmbedded(batch: ChunksEmbedded, _context: BusContext): EventHandled {
    return this.service.storeBatch(batch);
  }

  @OnEvent(KnowledgeEvent.DocumentEmbedded)
  documentEmbedded(event: DocumentEmbedded, _context: BusContext): EventHandled {
    return this.service.commit(event);
  }

  @OnEvent(KnowledgeEvent.DocumentRemoved)
  documentRemoved(event: DocumentRemoved, _context: BusContext): EventHandled {
    return this.service.remove(event);
  }
}
