import { Injectable } from '@nestjs/common';

import type { InteractionStats, InteractionStatsResponse, RpcRequest } from '@deskpilot/contracts';
import type { AnalyticsRpc } from '@deskpilot/contracts';

import { InteractionStatsRepository } from './interaction-stats.repository';
import type { InteractionStatsRow } from './interaction-stats.repository';

/** Volume, latency, usage and feedback of the interaction log per hour or day. */
@Injectable()
export class InteractionStatsService {
  constructor(private readonly repository: InteractionStatsRepository) {}

  async stats(
    request: RpcRequest<typeof AnalyticsRpc.InteractionStats>,
  ): Promise<InteractionStatsResponse> {
    const rows = await this.repository.stats({
      from: new Date(request.from),
      to: new Date(request.to),
      bucket: request.bucket,
      timeZone: request.timeZone,
    });
    const buckets = rows.filter((row) => row.start !== null);
    const totals = rows.find((row) => row.start === null);
    if (totals === undefined) {
      throw new Error('The interaction statistics came without totals');
    }
    return {
      buckets: buckets.map((row) => ({
        start: new Date(row.start ?? 0).toISOString(),
        ...toStats(row),
      })),
      totals: toStats(totals),
    };
  }
}

function toStats(row: InteractionStatsRow): InteractionStats {
  return {
    interactions: row.interactions,
    chat: row.chat,
    drafts: row.drafts,
    playground: row.playground,
    failed: row.failed,
    firstTokenMsP50: row.first_token_p50,
    firstTokenMsP95: row.first_token_p95,
    totalMsP50: row.total_p50,
    totalMsP95: row.total_p95,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    costUsd: row.cost_usd,
    feedbackUp: row.feedback_up,
    feedbackDown: row.feedback_down,
  };
}
