import { waitFor } from '@deskpilot/testing';

import { ReplyOutboxService } from '../../src/replies/reply-outbox.service';
import { ACTOR, SyncHarness } from '../support/sync-harness';

/**
 * The reply outbox passes over approved drafts while reviewers approve. An approval must post its
 * own reply and report it sent; the outbox may not take the draft from under it.
 */
describe('whmcs-sync approval beside the reply outbox', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: { WHMCS_POLL_SECONDS: '3600' } });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('should answer sent for every approval while the outbox keeps passing, posting each once', async () => {
    const ready = await waitFor(
      async () => {
        const drafts = await harness.drafts(['ready']);
        return drafts.length >= 8 && drafts;
      },
      { timeoutMs: 60_000, message: 'Fewer than 8 ready drafts' },
    );
    const outbox = harness.sync?.app.get(ReplyOutboxService);
    if (outbox === undefined) {
      throw new Error('whmcs-sync is not running');
    }
    const approved = new AbortController();
    const passes = (async () => {
      let count = 0;
      while (!approved.signal.aborted) {
        await outbox.drain();
        count += 1;
      }
      return count;
    })();

    const outcomes: string[] = [];
    try {
      for (const draft of ready) {
        const result = await harness.bus.request('tickets.drafts.approve', {
          draftId: draft.id,
          approvedBy: ACTOR,
        });
        outcomes.push(result.outcome);
      }
    } finally {
      approved.abort();
    }

    expect(await passes).toBeGreaterThan(ready.length);
    expect(outcomes).toEqual(ready.map(() => 'sent'));
    for (const draft of ready) {
      expect(harness.simulator.control.postedReplies(draft.ticketId)).toHaveLength(1);
    }
  });
});
