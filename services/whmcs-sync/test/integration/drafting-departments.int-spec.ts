import { RemoteError } from '@deskpilot/messaging';
import { waitFor } from '@deskpilot/testing';

import { SyncHarness } from '../support/sync-harness';

const ADMIN = { id: 'user-1', name: 'Ada Admin' };

describe('whmcs-sync departments chosen in the console', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: { WHMCS_POLL_SECONDS: '3600' } });
  });

  afterAll(async () => {
    await harness.close();
  });

  it("should list the polled tickets' departments while WHMCS cannot list its own", async () => {
    await harness.runSync(true);
    harness.simulator.control.setFaults([
      { fault: 'http-500', actions: ['GetSupportDepartments'] },
    ]);
    try {
      const listed = await harness.bus.request('tickets.departments.list', {});

      expect(listed.fromWhmcs).toBe(false);
      expect(listed.departments.map((department) => department.name)).toEqual([
        'Abuse Desk',
        'Billing',
        'Sales & Domains',
        'Technical Support',
      ]);
    } finally {
      harness.simulator.control.clearFaults();
    }
  });

  it('should draft every department until some are chosen, then only those', async () => {
    const technical = harness.simulator.control.ticketIdByKey('cpanel-login');
    const billing = harness.simulator.control.ticketIdByKey('double-charge');
    const sales = harness.simulator.control.ticketIdByKey('epp-code-request');
    await harness.draftOf(billing, 'ready');
    await harness.draftOf(sales, 'ready');
    await harness.runSync(true);

    const all = await harness.bus.request('tickets.departments.list', {});
    expect(all).toMatchObject({ source: 'all', fromWhmcs: true, changedBy: null });
    expect(all.departments.map((department) => [department.name, department.drafts])).toEqual([
      ['Abuse Desk', true],
      ['Billing', true],
      ['Sales & Domains', true],
      ['Technical Support', true],
    ]);
    const awaiting = await harness.bus.request('tickets.list', {
      awaitingOnly: true,
      limit: 200,
      offset: 0,
    });
    const billingDepartment = all.departments.find((department) => department.name === 'Billing');
    expect(billingDepartment?.awaitingTickets).toBe(
      awaiting.items.filter((ticket) => ticket.department === 'Billing').length,
    );
    const technicalId =
      all.departments.find((department) => department.name === 'Technical Support')?.id ?? '';

    const chosen = await harness.bus.request('tickets.departments.set', {
      departmentIds: [technicalId],
      changedBy: ADMIN,
    });
    expect(chosen).toMatchObject({ source: 'chosen', changedBy: 'Ada Admin' });
    expect(
      chosen.departments.filter((department) => department.drafts).map((one) => one.name),
    ).toEqual(['Technical Support']);

    // New customer messages: the technical ticket is drafted again, the others are not.
    const before = harness.drafter.requestsFor(billing).length;
    const salesBefore = harness.drafter.requestsFor(sales).length;
    harness.simulator.control.injectCustomerReply(technical, { message: 'Still locked out.' });
    harness.simulator.control.injectCustomerReply(billing, { message: 'Any news on the refund?' });
    harness.simulator.control.injectCustomerReply(sales, { message: 'Is the code ready?' });
    await harness.runSync();
    expect(harness.drafter.requestsFor(sales)).toHaveLength(salesBefore);
    expect(
      (await harness.drafts(['ready', 'pending'], technical)).map((draft) => draft.ticketId),
    ).toEqual([technical]);
    expect(harness.drafter.requestsFor(billing)).toHaveLength(before);

    // A reviewer who asks for a new draft gets one, department or not.
    const [stale] = await harness.drafts(['stale'], billing);
    const asked = await harness.bus.request('tickets.drafts.regenerate', {
      draftId: stale?.id ?? '',
      requestedBy: ADMIN,
    });
    expect(asked).toMatchObject({ ticketId: billing });
    await harness.draftOf(billing, 'ready');
    expect(harness.drafter.requestsFor(billing)).toHaveLength(before + 1);

    // Every department again: a billing ticket's new message gets its draft by itself.
    const again = await harness.bus.request('tickets.departments.set', {
      departmentIds: null,
      changedBy: ADMIN,
    });
    expect(again.source).toBe('all');
    // The choice polls at once: the sales ticket left waiting gets its draft without a poll.
    await waitFor(() => harness.drafter.requestsFor(sales).length === salesBefore + 1, {
      message: 'the sales ticket drafted once its department was added',
    });
    harness.simulator.control.injectCustomerReply(billing, { message: 'Hello? Anyone there?' });
    await harness.runSync();
    await waitFor(() => harness.drafter.requestsFor(billing).length === before + 2, {
      message: 'the billing ticket drafted by itself',
    });
  });

  it('should refuse a department WHMCS does not have', async () => {
    const refused = harness.bus.request('tickets.departments.set', {
      departmentIds: ['987654'],
      changedBy: ADMIN,
    });

    await expect(refused).rejects.toBeInstanceOf(RemoteError);
    await expect(refused).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await harness.bus.request('tickets.departments.list', {})).source).toBe('all');
  });
});
