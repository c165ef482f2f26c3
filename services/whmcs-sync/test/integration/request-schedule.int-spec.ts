import { Client } from 'pg';

import { DraftingEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import { waitFor } from '@deskpilot/testing';

import { SyncHarness } from '../support/sync-harness';

const WAIT_SECONDS = 900;

interface Schedule {
  readonly id: string;
  readonly requestedAt: Date;
  readonly nextRequestAt: Date;
}

/**
 * A draft request is recorded before it is published. Should whmcs-sync stop in between, the
 * request must go again soon, not after the whole wait for the drafter.
 */
describe('whmcs-sync draft request schedule', () => {
  let harness: SyncHarness;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    harness = await SyncHarness.start({
      startSync: false,
      drafter: { silent: true },
      env: { WHMCS_POLL_SECONDS: '3600', WHMCS_DRAFT_WAIT_SECONDS: String(WAIT_SECONDS) },
    });
  });

  afterAll(async () => {
    release();
    jest.restoreAllMocks();
    await harness.close();
  });

  async function schedules(): Promise<Schedule[]> {
    const client = new Client({ connectionString: harness.env['DATABASE_URL'] });
    await client.connect();
    try {
      const { rows } = await client.query<{
        id: string;
        requested_at: Date;
        next_request_at: Date;
      }>(
        `SELECT "id", "requested_at", "next_request_at" FROM "whmcs_sync"."drafts"
         WHERE "status" = 'pending' AND "requested_at" IS NOT NULL`,
      );
      return rows.map((row) => ({
        id: row.id,
        requestedAt: row.requested_at,
        nextRequestAt: row.next_request_at,
      }));
    } finally {
      await client.end();
    }
  }

  const waitOf = (schedule: Schedule): number =>
    schedule.nextRequestAt.getTime() - schedule.requestedAt.getTime();

  it('should make a request due within half a minute until the broker has it, then wait for the drafter', async () => {
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const publish = MessageBus.prototype.publish;
    jest.spyOn(MessageBus.prototype, 'publish').mockImplementation(async function (
      this: MessageBus,
      ...args: Parameters<MessageBus['publish']>
    ) {
      if (args[0] === DraftingEvent.DraftRequested) {
        await held;
      }
      return publish.apply(this, args);
    });
    await harness.startSync();

    const unpublished = await waitFor(
      async () => {
        const found = await schedules();
        return found.length > 0 && found;
      },
      { message: 'No draft was requested' },
    );
    expect(harness.drafter.requests).toHaveLength(0);
    for (const schedule of unpublished) {
      expect(waitOf(schedule)).toBeLessThanOrEqual(30_000);
    }

    release();
    await waitFor(() => harness.drafter.requests.length >= unpublished.length, {
      message: 'The held requests never reached the drafter',
    });
    // Later tickets get their requests meanwhile; the held ones are those to look at.
    const heldIds = new Set(unpublished.map((schedule) => schedule.id));
    const published = await waitFor(
      async () => {
        const found = (await schedules()).filter((schedule) => heldIds.has(schedule.id));
        return found.every((one) => waitOf(one) > 30_000) && found;
      },
      { message: 'Published requests are still due soon' },
    );
    expect(published).toHaveLength(heldIds.size);
    for (const schedule of published) {
      expect(waitOf(schedule)).toBe(WAIT_SECONDS * 1000);
    }
  });
});
