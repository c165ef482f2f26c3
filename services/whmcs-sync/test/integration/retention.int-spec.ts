import { Client } from 'pg';

import { waitFor } from '@deskpilot/testing';

import { TicketRetentionService } from '../../src/mirror/ticket-retention.service';
import { ACTOR, SyncHarness } from '../support/sync-harness';

/** Polling only at start and on request, so the test decides when tickets leave the awaiting set. */
const MANUAL_POLLING = { WHMCS_POLL_SECONDS: '3600' };
const TABLES = ['tickets', 'ticket_messages', 'drafts', 'sent_replies', 'outbound_reply_log'];

describe('whmcs-sync ticket retention', () => {
  let harness: SyncHarness;
  let db: Client;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: { ...MANUAL_POLLING, WHMCS_RETENTION_DAYS: '30' } });
    db = new Client({ connectionString: harness.env['DATABASE_URL'] });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await harness.close();
  });

  /** How many rows of each table belong to the ticket. */
  async function rowsOf(ticketId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const column = table === 'tickets' ? 'id' : 'ticket_id';
      const { rows } = await db.query<{ count: number }>(
        `SELECT count(*)::int AS "count" FROM "whmcs_sync"."${table}" WHERE "${column}" = $1`,
        [ticketId],
      );
      counts[table] = rows[0]?.count ?? 0;
    }
    return counts;
  }

  async function answer(ticketId: string): Promise<void> {
    const draft = await harness.draftOf(ticketId, 'ready');
    const result = await harness.bus.request('tickets.drafts.approve', {
      draftId: draft.id,
      approvedBy: ACTOR,
    });
    expect(result.outcome).toBe('sent');
  }

  it('should delete an answered ticket untouched for longer than the period with all it holds', async () => {
    const [answered, recentDraft, awaiting] = [
      idOf('cpanel-login'),
      idOf('double-charge'),
      idOf('spf-dkim'),
    ];
    await answer(answered);
    await answer(recentDraft);
    await harness.draftOf(awaiting, 'ready');
    await harness.runSync();
    const settled = await waitFor(
      async () => {
        const { rows } = await db.query<{ id: string }>(
          `SELECT "id"::text AS "id" FROM "whmcs_sync"."tickets" WHERE NOT "awaiting" AND "id" = ANY($1)`,
          [[answered, recentDraft]],
        );
        return rows.length === 2 && rows;
      },
      { message: 'the answered tickets left the awaiting set' },
    );
    expect(settled).toHaveLength(2);
    expect(await rowsOf(answered)).toEqual({
      tickets: 1,
      ticket_messages: expect.any(Number) as number,
      drafts: 1,
      sent_replies: 1,
      outbound_reply_log: expect.any(Number) as number,
    });
    const before = await rowsOf(answered);
    expect(before['ticket_messages']).toBeGreaterThan(0);
    expect(before['outbound_reply_log']).toBeGreaterThan(0);
    await db.query(`UPDATE "whmcs_sync"."tickets" SET "updated_at" = now() - interval '40 days'`);
    await db.query(
      `UPDATE "whmcs_sync"."drafts" SET "updated_at" = now() - interval '40 days'
        WHERE "ticket_id" <> $1`,
      [recentDraft],
    );

    const deleted = await harness.sync!.app.get(TicketRetentionService).prune();

    expect(deleted).toBe(1);
    expect(await rowsOf(answered)).toEqual({
      tickets: 0,
      ticket_messages: 0,
      drafts: 0,
      sent_replies: 0,
      outbound_reply_log: 0,
    });
    expect((await rowsOf(recentDraft))['tickets']).toBe(1);
    expect(await rowsOf(awaiting)).toMatchObject({ tickets: 1, drafts: 1 });
    const history = await harness.bus.request('tickets.replies.list', { limit: 10, offset: 0 });
    expect(history.items.map((reply) => reply.ticketId)).toEqual([recentDraft]);
    expect(await harness.sync!.app.get(TicketRetentionService).prune()).toBe(0);
  });
});
