import { waitFor } from '@deskpilot/testing';

import { SyncHarness } from '../support/sync-harness';
import { WhmcsProxy } from '../support/whmcs-proxy';

const CONCURRENCY = 3;

describe('whmcs-sync reading threads a few at a time', () => {
  let harness: SyncHarness;
  let proxy: WhmcsProxy;

  async function start(faults: { delayMs: number } | undefined): Promise<void> {
    harness = await SyncHarness.start({
      startSync: false,
      simulator: {
        backlog: 30,
        ...(faults === undefined
          ? {}
          : { faults: [{ fault: 'slow', actions: ['GetTicket'], delayMs: faults.delayMs }] }),
      },
    });
    proxy = await WhmcsProxy.start(harness.simulator.url);
  }

  async function everyTicketReady(expected: readonly string[]): Promise<void> {
    await waitFor(
      async () => {
        const ready = await harness.drafts(['ready']);
        const tickets = new Set(ready.map((draft) => draft.ticketId));
        return expected.every((ticketId) => tickets.has(ticketId));
      },
      { timeoutMs: 60_000, intervalMs: 250, message: 'Not every ticket got a ready draft' },
    );
  }

  afterEach(async () => {
    await harness.stopSync();
    await proxy.close();
    await harness.close();
  });

  it('should never have more WHMCS calls in flight than WHMCS_CONCURRENCY', async () => {
    await start({ delayMs: 150 });
    await harness.startSync({ WHMCS_URL: proxy.url, WHMCS_CONCURRENCY: String(CONCURRENCY) });
    const expected = harness.simulator.control.awaitingTicketIds();

    await everyTicketReady(expected);

    expect(expected.length).toBeGreaterThan(CONCURRENCY * 5);
    expect(proxy.peakInFlight).toBe(CONCURRENCY);
  }, 120_000);

  it('should draft every other ticket while one thread cannot be read, and that one once it can', async () => {
    await start(undefined);
    const expected = harness.simulator.control.awaitingTicketIds().sort();
    const broken = expected[Math.floor(expected.length / 2)] ?? '';
    proxy.failing.add(broken);
    await harness.startSync({ WHMCS_URL: proxy.url, WHMCS_CONCURRENCY: String(CONCURRENCY) });
    const others = expected.filter((ticketId) => ticketId !== broken);

    await everyTicketReady(others);
    const whileBroken = await harness.drafts(undefined, broken);
    proxy.failing.delete(broken);
    await harness.draftOf(broken, 'ready', 30_000);
    const drafts = await harness.drafts();

    expect(whileBroken).toEqual([]);
    expect(drafts.map((draft) => draft.ticketId).sort()).toEqual(expected);
    expect(expected.every((ticketId) => harness.drafter.requestsFor(ticketId).length === 1)).toBe(
      true,
    );
  }, 120_000);
});
