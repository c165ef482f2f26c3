import { Controller } from '@nestjs/common';

import type { DraftFailed, DraftGenerated } from '@deskpilot/contracts';
import { DraftingEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import { DraftResultsService } from './draft-results.service';

@Controller()
export class DraftResultsConsumer {
  constructor(private readonly results: DraftResultsService) {}

  @OnEvent(DraftingEvent.DraftGenerated)
  generated(payload: DraftGenerated, _context: BusContext): Promise<void> | void {
    return this.results.generated(payload);
  }

  @OnEvent(DraftingEvent.DraftFailed)
  failed(payload: DraftFailed, _context: BusContext): Promise<void> | void {
    return this.results.failed(payload);
  }
}
