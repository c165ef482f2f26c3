import type { DraftStatsResponse } from '@deskpilot/contracts';
import { AnalyticsRpc } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { ACTOR, SyncHarness } from '../support/sync-harness';

/** Polling only at start, so the drafts made are the ones of the first cycle. */
const MANUAL_POLLING = { WHMCS_POLL_SECONDS: '3600' };
const HOUR_MS = 3_600_000;

describe('whmcs-sync draft statistics', () => {
  let harness: SyncHarness;
  const idOf = (key: string): string => harness.simulator.control.ticketIdByKey(key);

  beforeAll(async () => {
    harness = await SyncHarness.start({ env: MANUAL_POLLING });
  });

  afterAll(async () => {
    await harness.close();
  });

  function statsAround(now: number): Promise<DraftStatsResponse> {
    return harness.bus.request(AnalyticsRpc.DraftStats, {
      from: new Date(now - HOUR_MS).toISOString(),
      to: new Date(now + HOUR_MS).toISOString(),
      bucket: 'hour',
      timeZone: 'UTC',
    });
  }

  it('should count what reviewers did with the drafts and derive the rates', async () => {
    const edited = await harness.draftOf(idOf('cpanel-login'), 'ready');
    const unedited = await harness.draftOf(idOf('double-charge'), 'ready');
    const rejected = await harness.draftOf(idOf('spf-dkim'), 'ready');

    const sentEdited = await harness.bus.request('tickets.drafts.approve', {
      draftId: edited.id,
      approvedBy: ACTOR,
      text: `${edited.aiText ?? ''}\n\nYour account is unlocked now.`,
    });
    const sentAsIs = await harness.bus.request('tickets.drafts.approve', {
      draftId: unedited.id,
      approvedBy: ACTOR,
    });
    await harness.bus.request('tickets.drafts.reject', {
      draftId: rejected.id,
      rejectedBy: ACTOR,
      reason: 'Wrong record type',
    });
    expect([sentEdited.outcome, sentAsIs.outcome]).toEqual(['sent', 'sent']);
    const editRatio = sentEdited.draft.editRatio ?? 0;
    expect(editRatio).toBeGreaterThan(0);
    expect(sentAsIs.draft.editRatio).toBe(0);

    const now = Date.now();
    const { stats, made } = await waitFor(
      async () => {
        const [current, all] = await Promise.all([statsAround(now), harness.drafts()]);
        return current.totals.created === all.length
          ? { stats: current, made: all.length }
          : undefined;
      },
      { message: 'every draft counted' },
    );

    expect(made).toBeGreaterThanOrEqual(3);
    expect(stats.totals).toEqual({
      created: made,
      approved: 2,
      sent: 2,
      rejected: 1,
      acceptanceRate: 2 / 3,
      edited: 1,
      editRate: 0.5,
      meanEditRatio: expect.closeTo(editRatio / 2, 9) as number,
    });
    expect(stats.buckets.length).toBeGreaterThanOrEqual(2);
    expect(stats.buckets.reduce((sum, bucket) => sum + bucket.created, 0)).toBe(made);
    expect(stats.buckets.reduce((sum, bucket) => sum + bucket.approved, 0)).toBe(2);
  });

  it('should answer empty buckets without rates for a range with no drafts', async () => {
    const stats = await harness.bus.request(AnalyticsRpc.DraftStats, {
      from: '2020-01-01T00:00:00Z',
      to: '2020-01-04T00:00:00Z',
      bucket: 'day',
      timeZone: 'UTC',
    });

    expect(stats.buckets.map((bucket) => [bucket.start, bucket.created])).toEqual([
      ['2020-01-01T00:00:00.000Z', 0],
      ['2020-01-02T00:00:00.000Z', 0],
      ['2020-01-03T00:00:00.000Z', 0],
    ]);
    expect(stats.totals).toMatchObject({ created: 0, acceptanceRate: null, editRate: null });
  });
});
