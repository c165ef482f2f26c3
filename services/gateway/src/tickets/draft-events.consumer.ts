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

  /**
   * The shared copy is audited even while no gateway runs (it waits in the work queue). Each
   * replica's broadcast copy is audited too (the entry is written once) before it is relayed, so a
   * browser never sees a send the audit log does not hold.
   */
  @OnEvent(TicketsEvent.DraftChanged)
  changed(change: DraftChanged, context: BusContext): EventHandled {
    return this.sentReplies.draftChanged(change).then(() => {
      if (context.meta.delivery === 'broadcast') {
        this.hub.publish(change);
      }
    });
  }
}
