import { setTimeout as sleep } from 'node:timers/promises';

import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

const CONCURRENCY = 4;

describe('whmcs-sync on a 403', () => {
  let harness: SyncHarness;

  beforeEach(async () => {
    harness = await SyncHarness.start({ env: { WHMCS_CONCURRENCY: String(CONCURRENCY) } });
  });

  afterEach(async () => {
    await harness.close();
  });

  const status = () => harness.bus.request('tickets.sync.status', {});
  const apiCalls = (): number =>
    Object.values(harness.simulator.control.callCounts()).reduce((sum, n) => sum + n, 0);

  it('should stop polling, raise an alert and report it in health, sending nothing after the 403', async () => {
    const ticketId = harness.simulator.control.ticketIdByKey('cpanel-login');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.setFaults([{ fault: 'ip-banned' }]);

    const blocked = await waitFor(
      async () => {
        const current = await status();
        return current.state === 'blocked' && current.alerts.length > 0 && current;
      },
      { timeoutMs: 30_000 },
    );
    const callsWhenBlocked = apiCalls();
    await sleep(3_500);
    const approval = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });
    const health = await harness.bus.request('whmcs-sync.health.check', {});

    expect(blocked.alerts[0]).toMatchObject({ kind: 'whmcs-forbidden', resolvedAt: null });
    expect(blocked.alerts[0]?.message).toContain('IP Banned');
    // Reads already in flight when the first 403 came back may get one too; never more.
    const refused = harness.simulator.control.calls().filter((call) => call.status === 403);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(apiCalls()).toBe(callsWhenBlocked);
    expect(approval.outcome).toBe('queued');
    expect(health.status).toBe('down');
    expect(health.checks['whmcs']?.detail).toContain('IP Banned');
  });

  it('should stay stopped after a restart with the same credential, until resumed', async () => {
    const ticketId = harness.simulator.control.ticketIdByKey('cpanel-login');
    const draft = await harness.draftOf(ticketId, 'ready');
    harness.simulator.control.setFaults([{ fault: 'auth-failed' }]);
    await waitFor(async () => (await status()).state === 'blocked', { timeoutMs: 30_000 });
    await harness.bus.request('tickets.drafts.approve', { draftId: draft.id, approvedBy: ACTOR });

    await harness.stopSync();
    harness.simulator.control.clearFaults();
    harness.simulator.control.clearCalls();
    await harness.startSync();
    await sleep(2_500);
    const afterRestart = await status();
    const callsAfterRestart = apiCalls();
    const resumed = await harness.bus.request('tickets.sync.resume', { requestedBy: ACTOR });
    const sent = await harness.draftOf(ticketId, 'sent');

    expect(afterRestart.state).toBe('blocked');
    expect(callsAfterRestart).toBe(0);
    expect(resumed.state).not.toBe('blocked');
    expect(resumed.alerts[0]?.resolvedAt).not.toBeNull();
    expect(sent.id).toBe(draft.id);
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
  });
});
