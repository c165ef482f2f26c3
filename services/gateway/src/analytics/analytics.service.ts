import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type {
  AnalyticsBucket,
  AnalyticsQuery,
  AnalyticsReport,
  DraftStats,
} from '@deskpilot/contracts';
import { AnalyticsRpc, HOURLY_UP_TO_HOURS } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

const TIMEOUT_MS = 15_000;
const HOUR_MS = 3_600_000;

const NO_DRAFTS: DraftStats = {
  created: 0,
  approved: 0,
  sent: 0,
  rejected: 0,
  acceptanceRate: null,
  edited: 0,
  editRate: null,
  meanEditRatio: null,
};

/**
 * The console's analytics: llm aggregates the interaction log and whmcs-sync the drafts, each in
 * its own database schema, over the same buckets; the gateway puts the two series side by side.
 */
@Injectable()
export class AnalyticsService {
  constructor(private readonly bus: MessageBus) {}

  async report(query: z.output<typeof AnalyticsQuery>): Promise<AnalyticsReport> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    const range = {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: query.bucket ?? defaultBucket(from, to),
      timeZone: query.timeZone,
    };
    const [interactions, drafts] = await Promise.all([
      this.bus.request(AnalyticsRpc.InteractionStats, range, { timeoutMs: TIMEOUT_MS }),
      this.bus.request(AnalyticsRpc.DraftStats, range, { timeoutMs: TIMEOUT_MS }),
    ]);
    const draftsAt = new Map(
      drafts.buckets.map(({ start, ...stats }) => [Date.parse(start), stats] as const),
    );
    return {
      ...range,
      series: interactions.buckets.map(({ start, ...stats }) => ({
        start,
        interactions: stats,
        drafts: draftsAt.get(Date.parse(start)) ?? NO_DRAFTS,
      })),
      totals: { interactions: interactions.totals, drafts: drafts.totals },
    };
  }
}

function defaultBucket(from: Date, to: Date): AnalyticsBucket {
  return to.getTime() - from.getTime() <= HOURLY_UP_TO_HOURS * HOUR_MS ? 'hour' : 'day';
}
