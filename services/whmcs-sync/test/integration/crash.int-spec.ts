import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/**
 * whmcs-sync runs as its own process here, so it can be killed with SIGKILL while AddTicketReply
 * is in flight: after WHMCS stored the reply, before whmcs-sync learned the outcome.
 */
describe('whmcs-sync killed while posting a reply', () => {
  let harness: SyncHarness;
  let child: ChildProcess | undefined;
  let output = '';

  function startProcess(instanceId: string): ChildProcess {
    const started = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        ...harness.env,
        INSTANCE_ID: instanceId,
        WHMCS_TIMEOUT_SECONDS: '5',
        LOG_LEVEL: process.env['WHMCS_SYNC_TEST_LOG'] ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    return started;
  }

  async function kill(process: ChildProcess): Promise<void> {
    if (process.exitCode !== null || process.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => process.once('exit', resolve));
    process.kill('SIGKILL');
    await exited;
  }

  async function readyDraft(ticketId: string): Promise<string> {
    const draft = await harness.draftOf(ticketId, 'ready', 30_000);
    return draft.id;
  }

  beforeEach(async () => {
    output = '';
    harness = await SyncHarness.start({ startSync: false });
  });

  afterEach(async () => {
    if (child !== undefined) {
      await kill(child);
      child = undefined;
    }
    await harness.close();
    if (process.env['WHMCS_SYNC_TEST_LOG'] !== undefined) {
      process.stderr.write(output);
    }
  });

  it('should find the stored reply after a restart and not post it again', async () => {
    const ticketId = harness.simulator.control.ticketIdByKey('cpanel-login');
    child = startProcess('crash-first');
    const draftId = await readyDraft(ticketId);
    harness.simulator.control.setFaults([
      { fault: 'written-then-hang', count: 1, delayMs: 60_000, actions: ['AddTicketReply'] },
    ]);

    const approval = harness.bus
      .request('tickets.drafts.approve', { draftId, approvedBy: ACTOR }, { timeoutMs: 60_000 })
      .catch((error: unknown) => error);
    await waitFor(() => harness.simulator.control.postedReplies(ticketId).length === 1, {
      intervalMs: 5,
      timeoutMs: 30_000,
    });
    await kill(child);
    const inFlight = await harness.bus
      .request('tickets.drafts.get', { draftId }, { timeoutMs: 1_000 })
      .catch((error: unknown) => error);
    child = startProcess('crash-second');
    const sent = await harness.draftOf(ticketId, 'sent', 45_000);
    const history = await harness.bus.request('tickets.replies.list', {
      ticketId,
      limit: 10,
      offset: 0,
    });
    await approval;

    expect(inFlight).toBeInstanceOf(Error);
    expect(sent.id).toBe(draftId);
    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ confirmedBy: 'readback', approvedBy: ACTOR });
  });

  it('should post exactly once after a restart when the call never reached WHMCS', async () => {
    const ticketId = harness.simulator.control.ticketIdByKey('double-charge');
    child = startProcess('crash-first');
    const draftId = await readyDraft(ticketId);
    harness.simulator.control.setFaults([
      { fault: 'hang', count: 1, delayMs: 60_000, actions: ['AddTicketReply'] },
    ]);

    const approval = harness.bus
      .request('tickets.drafts.approve', { draftId, approvedBy: ACTOR }, { timeoutMs: 60_000 })
      .catch((error: unknown) => error);
    await waitFor(() => harness.simulator.control.calls('addticketreply').length === 1, {
      intervalMs: 5,
      timeoutMs: 30_000,
    });
    await kill(child);
    child = startProcess('crash-second');
    await harness.draftOf(ticketId, 'sent', 45_000);
    await approval;

    expect(harness.simulator.control.postedReplies(ticketId)).toHaveLength(1);
    expect(harness.simulator.control.calls('addticketreply')).toHaveLength(2);
  });
});
