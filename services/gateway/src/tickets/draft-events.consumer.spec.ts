import { randomUUID } from 'node:crypto';

import type { DraftChanged } from '@deskpilot/contracts';
import { TicketsEvent } from '@deskpilot/contracts';
import type { Delivery } from '@deskpilot/messaging';
import { BusContext, newMeta } from '@deskpilot/messaging';

import { DraftEventsConsumer } from './draft-events.consumer';
import { DraftEventsHub } from './draft-events.hub';
import type { SentReplyAuditService } from './sent-reply-audit.service';

const change: DraftChanged = {
  draftId: randomUUID(),
  ticketId: '4711',
  ticketNumber: 'ABC-123456',
  departmentId: '1',
  status: 'sent',
  previousStatus: 'sending',
  version: 4,
  confidence: 0.82,
  changedAt: '2026-12-05T10:00:00.000Z',
};

function contextOf(delivery: Delivery): BusContext {
  return new BusContext([
    { ...newMeta(TicketsEvent.DraftChanged, randomUUID(), 'whmcs-sync'), delivery },
  ]);
}

describe(DraftEventsConsumer.name, () => {
  let steps: string[];
  let sut: DraftEventsConsumer;

  beforeEach(() => {
    steps = [];
    const hub = new DraftEventsHub();
    hub.subscribe((relayed) => steps.push(`relayed ${relayed.draftId}`));
    const sentReplies = {
      draftChanged: (audited: DraftChanged) => {
        steps.push(`audited ${audited.draftId}`);
        return Promise.resolve();
      },
    } as unknown as SentReplyAuditService;
    sut = new DraftEventsConsumer(hub, sentReplies);
  });

  describe('changed', () => {
    it('should audit the copy from the shared work queue without relaying it', async () => {
      await sut.changed(change, contextOf('shared'));

      expect(steps).toEqual([`audited ${change.draftId}`]);
    });

    it("should audit a replica's broadcast copy, then relay it to that replica's browsers", async () => {
      await sut.changed(change, contextOf('broadcast'));

      expect(steps).toEqual([`audited ${change.draftId}`, `relayed ${change.draftId}`]);
    });
  });
});
