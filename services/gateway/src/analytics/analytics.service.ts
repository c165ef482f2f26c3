import { Injectable, NotFoundException } from '@nestjs/common';
import type { z } from 'zod';

import type {
  AnalyticsBucket,
  AnalyticsQuery,
  AnalyticsReport,
  CloseGapBody,
  GapClosed,
  GapReopened,
  KnowledgeGapsQuery,
  KnowledgeGapsReport,
  ReopenGapBody,
  UnavailablePart,
} from '@deskpilot/contracts';
import { AnalyticsRpc, AuditAction, HOURLY_UP_TO_HOURS } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth';

const TIMEOUT_MS = 15_000;
const HOUR_MS = 3_600_000;

/**
 * The console's analytics: llm aggregates the interaction log and whmcs-sync the drafts, each in
 * its own database schema, over the same buckets; the gateway puts the two series side by side.
 * One of them down leaves its half empty and named, so the other still reaches the console.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly bus: MessageBus,
    private readonly audit: AuditService,
  ) {}

  async report(query: z.output<typeof AnalyticsQuery>): Promise<AnalyticsReport> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    const range = {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: query.bucket ?? defaultBucket(from, to),
      timeZone: query.timeZone,
    };
    const [interactions, drafts] = await Promise.allSettled([
      this.bus.request(AnalyticsRpc.InteractionStats, range, { timeoutMs: TIMEOUT_MS }),
      this.bus.request(AnalyticsRpc.DraftStats, range, { timeoutMs: TIMEOUT_MS }),
    ]);
    if (interactions.status === 'rejected' && drafts.status === 'rejected') {
      throw interactions.reason;
    }
    const unavailable: UnavailablePart[] = [];
    const interactionsAt = answered(interactions, 'interactions', unavailable);
    const draftsAt = answered(drafts, 'drafts', unavailable);
    const starts = (interactionsAt ?? draftsAt)?.buckets.keys() ?? [];
    return {
      ...range,
      series: [...starts].map((start) => ({
        start: new Date(start).toISOString(),
        interactions: interactionsAt?.buckets.get(start) ?? null,
        drafts: draftsAt?.buckets.get(start) ?? null,
      })),
      totals: {
        interactions: interactionsAt?.totals ?? null,
        drafts: draftsAt?.totals ?? null,
      },
      knowledge: interactions.status === 'fulfilled' ? interactions.value.knowledge : null,
      unavailable,
    };
  }

  /** llm groups its log's weak answers; the range comes back normalised to UTC. */
  async knowledgeGaps(query: z.output<typeof KnowledgeGapsQuery>): Promise<KnowledgeGapsReport> {
    const range = {
      from: new Date(query.from).toISOString(),
      to: new Date(query.to).toISOString(),
    };
    const gaps = await this.bus.request(
      AnalyticsRpc.KnowledgeGaps,
      { ...range, closed: query.closed },
      { timeoutMs: TIMEOUT_MS },
    );
    return { ...range, ...gaps };
  }

  /** Takes a gap's questions off the list; audited when any was still open. */
  async closeGap(user: AuthenticatedUser, body: z.output<typeof CloseGapBody>): Promise<GapClosed> {
    const documentId = body.documentId ?? null;
    const result = await this.bus.request(
      AnalyticsRpc.CloseGap,
      { ...body, documentId, closedBy: user.id, closedByName: user.name },
      { timeoutMs: TIMEOUT_MS },
    );
    if (result.closed > 0 || result.topicId !== null) {
      await this.audit.record({
        action: AuditAction.KnowledgeGapClosed,
        target: documentId === null ? undefined : { type: 'document', id: documentId },
        details: {
          resolution: body.resolution,
          questions: result.closed,
          ...(result.topicId === null ? {} : { topicId: result.topicId }),
        },
      });
    }
    return result;
  }

  /** Audited; a 404 for a topic no longer (or never) dismissed. */
  async forgetDismissedTopic(topicId: string, reopen: boolean): Promise<void> {
    const { forgotten, reopened } = await this.bus.request(
      AnalyticsRpc.ForgetDismissedTopic,
      { topicId, reopen },
      { timeoutMs: TIMEOUT_MS },
    );
    if (!forgotten) {
      throw new NotFoundException(`No dismissed topic ${topicId}`);
    }
    await this.audit.record({
      action: AuditAction.KnowledgeGapTopicForgotten,
      details: { topicId, reopened },
    });
  }

  /** Closed questions count as gaps again; audited when any was closed. */
  async reopenGap(body: z.output<typeof ReopenGapBody>): Promise<GapReopened> {
    const result = await this.bus.request(AnalyticsRpc.ReopenGap, body, {
      timeoutMs: TIMEOUT_MS,
    });
    if (result.reopened > 0) {
      await this.audit.record({
        action: AuditAction.KnowledgeGapReopened,
        details: { questions: result.reopened },
      });
    }
    return result;
  }
}

interface Answered<S> {
  readonly buckets: ReadonlyMap<number, S>;
  readonly totals: S;
}

/** One half's buckets by start, or undefined (and noted) when its service did not answer. */
function answered<S>(
  result: PromiseSettledResult<{ buckets: (S & { start: string })[]; totals: S }>,
  part: UnavailablePart['part'],
  unavailable: UnavailablePart[],
): Answered<S> | undefined {
  if (result.status === 'rejected') {
    const service = part === 'interactions' ? 'llm' : 'whmcs-sync';
    const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
    unavailable.push({ part, message: `${service} did not answer: ${reason}` });
    return undefined;
  }
  const buckets = new Map<number, S>();
  for (const { start, ...stats } of result.value.buckets) {
    buckets.set(Date.parse(start), stats as S);
  }
  return { buckets, totals: result.value.totals };
}

function defaultBucket(from: Date, to: Date): AnalyticsBucket {
  return to.getTime() - from.getTime() <= HOURLY_UP_TO_HOURS * HOUR_MS ? 'hour' : 'day';
}
