import { Controller } from '@nestjs/common';

import type { DraftChanged } from '@deskpilot/contracts';
import { TicketsEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import { DraftEventsHub } from './draft-events.hub';

@Controller()
export class DraftEventsConsumer {
  constructor(private readonly hub: DraftEventsHub) {}

  @OnEvent(TicketsEvent.DraftChanged)
  changed(change: DraftChanged, _context: BusContext): void {
    this.hub.publish(change);
  }
}
