import { Client } from 'pg';

import { DraftingEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import { waitFor } from '@deskpilot/testing';

import { DraftsRepository } from '../../src/drafts/drafts.repository';
import type { Draft } from '../../src/drafts/entities/draft.entity';
import { SyncHarness } from '../support/sync-harness';

const WAIT_SECONDS = 900;

interface Schedule {
  readonly id: string;
  readonly requestedAt: Date;
  readonly nextRequestAt: Date;
}

/** whmcs-sync, not yet polling, with a drafter that never answers and a long wait for it. */
function startHarness(): Promise<SyncHarness> {
  return SyncHarness.start({
    startSync: false,
    drafter: { silent: true },
    env: { WHMCS_POLL_SECONDS: '3600', WHMCS_DRAFT_WAIT_SECONDS: String(WAIT_SECONDS) },
  });
}

/** The pending drafts that `where` selects, read from the database itself. */
async function pendingDrafts<Row extends object>(
  harness: SyncHarness,
  columns: string,
  where: string,
): Promise<Row[]> {
  const client = new Client({ connectionString: harness.env['DATABASE_URL'] });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      `SELECT ${columns} FROM "whmcs_sync"."drafts" WHERE "status" = 'pending' AND ${where}`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Waits until `read` finds something, and returns that. */
function firstFound<T>(read: () => Promise<T[]>, message: string): Promise<T[]> {
  return waitFor(
    async () => {
      const found = await read();
      return found.length > 0 && found;
    },
    { message },
  );
}

/**
 * A draft request is recorded before it is published. Should whmcs-sync stop in between, the
 * request must go again soon, not after the whole wait for the drafter.
 */
describe('whmcs-sync draft request schedule', () => {
  let harness: SyncHarness;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    release();
    jest.restoreAllMocks();
    await harness.close();
  });

  async function schedules(): Promise<Schedule[]> {
    const rows = await pendingDrafts<{ id: string; requested_at: Date; next_request_at: Date }>(
      harness,
      '"id", "requested_at", "next_request_at"',
      '"requested_at" IS NOT NULL',
    );
    return rows.map((row) => ({
      id: row.id,
      requestedAt: row.requested_at,
      nextRequestAt: row.next_request_at,
    }));
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

    const unpublished = await firstFound(schedules, 'No draft was requested');
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

describe('whmcs-sync draft recorded when the database goes away', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await harness.close();
  });

  async function unmarked(): Promise<{ createdAt: Date; nextRequestAt: Date | null }[]> {
    const rows = await pendingDrafts<{ created_at: Date; next_request_at: Date | null }>(
      harness,
      '"created_at", "next_request_at"',
      '"request_attempts" = 0',
    );
    return rows.map((row) => ({ createdAt: row.created_at, nextRequestAt: row.next_request_at }));
  }

  it('should leave a draft whose request was never marked due within half a minute', async () => {
    const update = DraftsRepository.prototype.update;
    jest.spyOn(DraftsRepository.prototype, 'update').mockImplementation(async function (
      this: DraftsRepository,
      draft: Draft,
      ...rest
    ) {
      if (draft.status === 'pending' && draft.requestAttempts === 0) {
        throw new Error('Connection terminated unexpectedly');
      }
      return update.call(this, draft, ...rest);
    });
    await harness.startSync();

    const drafts = await firstFound(unmarked, 'No draft was recorded');
    expect(harness.drafter.requests).toHaveLength(0);
    for (const draft of drafts) {
      expect(draft.nextRequestAt).not.toBeNull();
      expect(
        (draft.nextRequestAt?.getTime() ?? Infinity) - draft.createdAt.getTime(),
      ).toBeLessThanOrEqual(31_000);
    }
  });
});
