import { Client } from 'pg';

import type { DraftView } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

/**
 * A model outage outlasts a draft's four requests: its drafts fail. Once the model is back they
 * must arrive without a reviewer regenerating each one, and a draft a reviewer wrote meanwhile
 * must be left alone.
 */
describe('whmcs-sync drafts after a model outage', () => {
  let harness: SyncHarness;
  let modelDown = true;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

  beforeAll(async () => {
    harness = await SyncHarness.start({
      drafter: { fail: () => (modelDown ? 'retryable' : undefined) },
      env: { WHMCS_POLL_SECONDS: '3600' },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  /** Makes every draft of `status` due now, as if its wait were over. */
  async function timePasses(status: 'pending' | 'failed'): Promise<void> {
    const client = new Client({ connectionString: harness.env['DATABASE_URL'] });
    await client.connect();
    try {
      await client.query(
        `UPDATE "whmcs_sync"."drafts" SET "next_request_at" = now()
         WHERE "status" = $1 AND "next_request_at" IS NOT NULL`,
        [status],
      );
    } finally {
      await client.end();
    }
  }

  /** Lets the waits pass, poll after poll, until the ticket's draft is in `status`. */
  function afterPolls(ticketId: string, status: 'failed' | 'ready'): Promise<DraftView> {
    return waitFor(
      async () => {
        await timePasses(status === 'failed' ? 'pending' : 'failed');
        await harness.runSync();
        return (await harness.drafts([status], ticketId))[0];
      },
      { timeoutMs: 30_000, intervalMs: 100, message: `No ${status} draft for ${ticketId}` },
    );
  }

  it('should fail drafts the model could not write, and say when they are asked for again', async () => {
    const ticketId = idOf('cpanel-login');

    const failed = await afterPolls(ticketId, 'failed');

    expect(failed.statusReason).toBe('model unavailable');
    expect(harness.drafter.requestsFor(ticketId).length).toBeGreaterThanOrEqual(4);
    const retryIn = Date.parse(failed.retryAt ?? '') - Date.now();
    expect(retryIn).toBeGreaterThan(0);
    expect(retryIn).toBeLessThanOrEqual(5 * 60_000);
  });

  it('should keep asking while the model is down, without a second draft or a new version', async () => {
    const ticketId = idOf('cpanel-login');
    const failed = await afterPolls(ticketId, 'failed');
    const asked = harness.drafter.requestsFor(ticketId).length;
    const failedEvents = (): number =>
      harness.changes.statusesOf(failed.id).filter((status) => status === 'failed').length;
    const failedEventsBefore = failedEvents();

    await timePasses('failed');
    await harness.runSync(true);

    await waitFor(() => harness.drafter.requestsFor(ticketId).length > asked, {
      message: 'The failed draft was not asked for again',
    });
    const drafts = await harness.drafts(undefined, ticketId);
    await waitFor(() => failedEvents() > failedEventsBefore, {
      message: 'The console was not told of the new schedule',
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: failed.id, status: 'failed', version: failed.version });
    const retryIn = Date.parse(drafts[0]?.retryAt ?? '') - Date.now();
    expect(retryIn).toBeGreaterThan(5 * 60_000);
    expect(retryIn).toBeLessThanOrEqual(10 * 60_000);
  });

  it('should send the reply a reviewer wrote for a failed draft, and ask for it no more', async () => {
    const ticketId = idOf('vps-unresponsive');
    const failed = await afterPolls(ticketId, 'failed');
    const text = 'We have restarted your VPS from the host node; it answers again.';

    const empty = harness.bus.request('tickets.drafts.approve', {
      draftId: failed.id,
      approvedBy: ACTOR,
    });
    await expect(empty).rejects.toMatchObject({ code: 'CONFLICT' });
    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: failed.id,
      approvedBy: ACTOR,
      text,
      expectedVersion: failed.version,
    });

    expect(result.outcome).toBe('sent');
    expect(result.draft).toMatchObject({ status: 'sent', aiText: null, humanText: text });
    expect(result.draft.retryAt).toBeNull();
    expect(harness.simulator.control.postedReplies(ticketId)).toEqual([
      expect.objectContaining({ message: text }),
    ]);
  });

  it('should make the failed drafts ready once the model is back, except one written by hand', async () => {
    const recovered = idOf('cpanel-login');
    const written = idOf('phishing-report');
    const failed = await afterPolls(recovered, 'failed');
    const byHand = await harness.bus.request('tickets.drafts.edit', {
      draftId: (await afterPolls(written, 'failed')).id,
      text: 'Thank you, we have suspended the page and are investigating.',
      editedBy: ACTOR,
    });
    const askedForWritten = harness.drafter.requestsFor(written).length;

    modelDown = false;
    const ready = await afterPolls(recovered, 'ready');

    expect(ready).toMatchObject({ id: failed.id, statusReason: null, retryAt: null });
    expect(ready.aiText).toContain('cPanel');
    expect(harness.drafter.requestsFor(written)).toHaveLength(askedForWritten);
    expect(await harness.drafts(undefined, written)).toEqual([
      expect.objectContaining({ id: byHand.id, status: 'ready', aiText: null }),
    ]);
  });
});
