import { SyncHarness } from '../support/sync-harness';

describe('whmcs-sync drafts for some departments only (WHMCS_DRAFT_DEPARTMENTS)', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await SyncHarness.start({
      env: { WHMCS_POLL_SECONDS: '3600', WHMCS_DRAFT_DEPARTMENTS: 'technical support' },
    });
  });

  afterAll(async () => {
    await harness.close();
  });

  it("should draft the named department's tickets and list the others without a draft", async () => {
    const technical = harness.simulator.control.ticketIdByKey('cpanel-login');
    const billing = harness.simulator.control.ticketIdByKey('double-charge');

    await harness.draftOf(technical, 'ready');
    await harness.runSync(true);

    const awaiting = await harness.bus.request('tickets.list', {
      awaitingOnly: true,
      limit: 200,
      offset: 0,
    });
    const departments = new Set(awaiting.items.map((ticket) => ticket.department));
    expect(departments).toEqual(
      new Set(['Technical Support', 'Billing', 'Sales & Domains', 'Abuse Desk']),
    );
    for (const ticket of awaiting.items) {
      expect({ ticket: ticket.id, drafted: ticket.draft !== null }).toEqual({
        ticket: ticket.id,
        drafted: ticket.department === 'Technical Support',
      });
    }
    expect(awaiting.items.map((ticket) => ticket.id)).toContain(billing);
    expect(harness.drafter.requestsFor(billing)).toEqual([]);
  });

  it('should say the configuration decides, and refuse a choice from the console', async () => {
    const listed = await harness.bus.request('tickets.departments.list', {});
    expect(listed.source).toBe('environment');
    expect(
      listed.departments.filter((department) => department.drafts).map((one) => one.name),
    ).toEqual(['Technical Support']);

    await expect(
      harness.bus.request('tickets.departments.set', {
        departmentIds: null,
        changedBy: { id: 'user-1', name: 'Ada Admin' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
