import { waitFor } from '@deskpilot/testing';
import { DEPT_ABUSE, DEPT_SALES } from '@deskpilot/whmcs-simulator';

import { SyncHarness } from '../support/sync-harness';

describe('whmcs-sync polling', () => {
  let harness: SyncHarness;

  afterEach(async () => {
    await harness.close();
  });

  it('should find every awaiting ticket in every department and across pages', async () => {
    harness = await SyncHarness.start({ simulator: { backlog: 150 } });
    const expected = harness.simulator.control.awaitingTicketIds().sort();

    const listed = await waitFor(
      async () => {
        const page = await harness.bus.request('tickets.list', {
          awaitingOnly: true,
          limit: 200,
          offset: 0,
        });
        return page.total === expected.length && page;
      },
      { timeoutMs: 30_000, message: 'Not every awaiting ticket was mirrored' },
    );

    expect(expected.length).toBeGreaterThan(100);
    expect(listed.items.map((ticket) => ticket.id).sort()).toEqual(expected);
    const departments = new Set(listed.items.map((ticket) => ticket.departmentId));
    expect(departments).toContain(String(DEPT_SALES));
    expect(departments).toContain(String(DEPT_ABUSE));
  });

  it("should draft every awaiting ticket whose last message is the customer's", async () => {
    harness = await SyncHarness.start();
    const expected = harness.simulator.control.awaitingTicketIds().sort();

    const ready = await waitFor(
      async () => {
        const drafts = await harness.drafts(['ready']);
        return drafts.length === expected.length && drafts;
      },
      { timeoutMs: 30_000, message: 'Not every awaiting ticket got a ready draft' },
    );

    expect(ready.map((draft) => draft.ticketId).sort()).toEqual(expected);
    expect(ready[0]).toMatchObject({ confidence: 0.8, settingsVersion: 3, humanText: null });
  });
});
