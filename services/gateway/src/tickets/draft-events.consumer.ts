import { Controller } from '@nestjs/common';

import type { DraftChanged } from '@deskpilot/contracts';
import { TicketsEvent } from '@deskpilot/contracts';
import type { BusContext } from '@deskpilot/messaging';
import { OnEvent } from '@deskpilot/messaging';

import { DraftEventsHub } from './draft-events.hub';
import { SentReplyAuditService } from './sent-reply-audit.service';

type EventHandled = void | Promise<void>;

@Controller()
export class DraftEventsConsumer {
  constructor(
    private readonly hub: DraftEventsHub,
    private readonly sentReplies: SentReplyAuditService,
  ) {}

  /** Audited before it is relayed: a browser never sees a send the audit log does not hold. */
  @OnEvent(TicketsEvent.DraftChanged)
  changed(change: DraftChanged, _context: BusContext): EventHandled {
    return this.sentReplies.draftChanged(change).then(() => {
      this.hub.publish(change);
    });
  }
}
