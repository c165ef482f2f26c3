import { Client } from 'pg';

import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

const APPROVALS_AT_ONCE = 4;

describe('whmcs-sync under WHMCS faults', () => {
  let harness: SyncHarness;

  afterEach(async () => {
    await harness.close();
  });

  it('should lose no draft and post no reply twice with 20% HTTP 500s over 200 tickets', async () => {
    harness = await SyncHarness.start({
      simulator: {
        backlog: 200,
        seed: 7,
        faults: [
          { fault: 'http-500', rate: 0.2 },
          { fault: 'written-then-500', rate: 0.1, actions: ['AddTicketReply'] },
        ],
      },
    });
    const expected = harness.simulator.control.awaitingTicketIds().sort();

    const ready = await waitFor(
      async () => {
        const drafts = await harness.drafts(['ready']);
        return drafts.length === expected.length && drafts;
      },
      { timeoutMs: 150_000, intervalMs: 500, message: 'Drafts were lost' },
    );
    const outcomes: string[] = [];
    const queue = [...ready];
    await Promise.all(
      Array.from({ length: APPROVALS_AT_ONCE }, async () => {
        for (let draft = queue.shift(); draft !== undefined; draft = queue.shift()) {
          const result = await harness.bus.request('tickets.drafts.approve', {
            draftId: draft.id,
            approvedBy: ACTOR,
          });
          outcomes.push(result.outcome);
        }
      }),
    );
    // Posting retries wait out WHMCS's timeout and the outbox's pauses: on a loaded CI machine
    // the same work has taken several times as long as on a quiet one.
    const sent = await waitFor(
      async () => {
        const drafts = await harness.drafts(['sent']);
        return drafts.length === expected.length && drafts;
      },
      { timeoutMs: 300_000, intervalMs: 500, message: 'Approved replies were not all posted' },
    ).catch(async (error: unknown) => {
      const byStatus = new Map<string, number>();
      const unsent: string[] = [];
      for (const draft of await harness.drafts()) {
        byStatus.set(draft.status, (byStatus.get(draft.status) ?? 0) + 1);
        if (draft.status !== 'sent') {
          unsent.push(
            `ticket ${draft.ticketId} ${draft.status} (${draft.statusReason ?? ''}) after ${await postingLog(harness, draft.id)}; WHMCS saw ${whmcsCalls(harness, draft.ticketId)}`,
          );
        }
      }
      throw new Error(
        `${String(error)}; drafts by status: ${JSON.stringify([...byStatus])}; ${unsent.join('; ')}`,
      );
    });

    expect(ready.map((draft) => draft.ticketId).sort()).toEqual(expected);
    expect(new Set(outcomes)).not.toContain('failed');
    expect(new Set(outcomes)).not.toContain('stale');
    expect(sent.map((draft) => draft.ticketId).sort()).toEqual(expected);
    const postsPerTicket = expected.map(
      (ticketId) => harness.simulator.control.postedReplies(ticketId).length,
    );
    expect(postsPerTicket.every((count) => count === 1)).toBe(true);
    const faults = harness.simulator.control.calls().filter((call) => call.fault !== null);
    expect(faults.some((call) => call.fault === 'written-then-500')).toBe(true);
    expect(faults.filter((call) => call.fault === 'http-500').length).toBeGreaterThan(100);
  }, 600_000);
});

/** What the outbound log holds of a draft's posting, oldest first. */
async function postingLog(harness: SyncHarness, draftId: string): Promise<string> {
  const client = new Client({ connectionString: harness.env['DATABASE_URL'] });
  await client.connect();
  try {
    const { rows } = await client.query<{ attempt: number; event: string; detail: string | null }>(
      `SELECT "attempt", "event", "detail" FROM "whmcs_sync"."outbound_reply_log"
       WHERE "draft_id" = $1 ORDER BY "id"`,
      [draftId],
    );
    return rows.map((row) => `${row.attempt} ${row.event} ${row.detail ?? ''}`).join(', ');
  } finally {
    await client.end();
  }
}

/** The simulator's record of every API call about one ticket, oldest first. */
function whmcsCalls(harness: SyncHarness, ticketId: string): string {
  return harness.simulator.control
    .calls()
    .filter((call) => call.ticketId === ticketId)
    .map((call) => `${call.at} ${call.action} ${call.status} ${call.fault ?? ''}`)
    .join(', ');
}
