import { Injectable } from '@nestjs/common';

import type { InteractionStats, InteractionStatsResponse, RpcRequest } from '@deskpilot/contracts';
import type { AnalyticsRpc } from '@deskpilot/contracts';

import { InteractionStatsRepository } from './interaction-stats.repository';
import type { InteractionStatsRow } from './interaction-stats.repository';

/** How many of the most cited documents a report lists. */
const CITED_DOCUMENTS = 20;

/**
 * Volume, latency, usage and feedback of the interaction log per hour or day, and the documents
 * the answers cite.
 */
@Injectable()
export class InteractionStatsService {
  constructor(private readonly repository: InteractionStatsRepository) {}

  async stats(
    request: RpcRequest<typeof AnalyticsRpc.InteractionStats>,
  ): Promise<InteractionStatsResponse> {
    const from = new Date(request.from);
    const to = new Date(request.to);
    const [rows, answered, documents] = await Promise.all([
      this.repository.stats({ from, to, bucket: request.bucket, timeZone: request.timeZone }),
      this.repository.answered(from, to),
      this.repository.citedDocuments(from, to, CITED_DOCUMENTS),
    ]);
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
      knowledge: {
        answers: answered.answers,
        uncited: answered.uncited,
        offTopic: answered.off_topic,
        passedOver: answered.passed_over,
        documents: documents.map((row) => ({
          documentId: row.document_id,
          title: row.title,
          answers: row.answers,
          helpful: row.helpful,
          notHelpful: row.not_helpful,
        })),
      },
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
