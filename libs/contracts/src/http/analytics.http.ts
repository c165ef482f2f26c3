import { z } from 'zod';

import {
  AnalyticsBucket,
  CloseGapRequest,
  DraftStats,
  InteractionStats,
  KnowledgeGaps,
  KnowledgeUse,
  ReopenGapRequest,
  TimeZoneName,
} from '../messages/analytics.messages';
import { QueryBoolean } from './query-values.http';

/** Ranges up to this long are answered hour by hour unless `bucket` says otherwise. */
export const HOURLY_UP_TO_HOURS = 48;
/** The longest range: a year and a day. */
const MAX_RANGE_MS = 367 * 24 * 3_600_000;
/** At most this many hourly points. */
const MAX_HOURLY_MS = 31 * 24 * 3_600_000;

const Instant = z.iso.datetime({ offset: true });

/** A range of a report: `from` before `to`, at most a year and a day apart. */
function checkRange(range: { from: string; to: string }, context: z.RefinementCtx): void {
  const span = Date.parse(range.to) - Date.parse(range.from);
  if (span <= 0) {
    context.addIssue({ code: 'custom', message: 'from must be before to', path: ['to'] });
  } else if (span > MAX_RANGE_MS) {
    context.addIssue({
      code: 'custom',
      message: 'the range must be at most 367 days',
      path: ['to'],
    });
  }
}

/**
 * `GET /api/analytics?from=&to=&bucket=hour|day&timeZone=`: series over `[from, to)`. `from`
 * and `to` are ISO 8601 instants; `bucket` defaults to `hour` for ranges up to 48 hours and
 * `day` beyond; days begin at midnight in `timeZone` (default UTC).
 */
export const AnalyticsQuery = z
  .object({
    from: Instant,
    to: Instant,
    bucket: AnalyticsBucket.optional(),
    timeZone: TimeZoneName.default('UTC'),
  })
  .superRefine(checkRange)
  .refine(
    (query) =>
      query.bucket !== 'hour' || Date.parse(query.to) - Date.parse(query.from) <= MAX_HOURLY_MS,
    { message: 'hourly series cover at most 31 days', path: ['bucket'] },
  );
export type AnalyticsQuery = z.input<typeof AnalyticsQuery>;

/** The two halves of a report: llm's interaction log and whmcs-sync's drafts. */
export const AnalyticsPart = z.enum(['interactions', 'drafts']);
export type AnalyticsPart = z.infer<typeof AnalyticsPart>;

/** A half that is null in every point and in the totals, and why. */
export const UnavailablePart = z.object({ part: AnalyticsPart, message: z.string() });
export type UnavailablePart = z.infer<typeof UnavailablePart>;

export const AnalyticsPoint = z.object({
  /** Start of the bucket. */
  start: z.iso.datetime({ offset: true }),
  interactions: InteractionStats.nullable(),
  drafts: DraftStats.nullable(),
});
export type AnalyticsPoint = z.infer<typeof AnalyticsPoint>;

/**
 * With llm or whmcs-sync down, its half is null and listed in `unavailable`; the other half is
 * still answered. With both down the request fails with 503.
 */
export const AnalyticsReport = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  bucket: AnalyticsBucket,
  timeZone: z.string(),
  series: z.array(AnalyticsPoint),
  totals: z.object({ interactions: InteractionStats.nullable(), drafts: DraftStats.nullable() }),
  /** The documents the answers cite; null with the interactions half. */
  knowledge: KnowledgeUse.nullable(),
  unavailable: z.array(UnavailablePart),
});
export type AnalyticsReport = z.infer<typeof AnalyticsReport>;

/**
 * `GET /api/analytics/knowledge-gaps?from=&to=&closed=`: the questions of `[from, to)` that the
 * knowledge base answered weakly, grouped by topic; with `closed=true`, those closed instead.
 */
export const KnowledgeGapsQuery = z
  .object({ from: Instant, to: Instant, closed: QueryBoolean.optional() })
  .superRefine(checkRange);
export type KnowledgeGapsQuery = z.input<typeof KnowledgeGapsQuery>;

export const KnowledgeGapsReport = KnowledgeGaps.extend({ from: Instant, to: Instant });
export type KnowledgeGapsReport = z.infer<typeof KnowledgeGapsReport>;

/**
 * `POST /api/analytics/knowledge-gaps/close`: a gap's questions leave the list, because an article
 * was written for them (`documentId`) or because they are not knowledge questions; with
 * `dismissTopic`, new questions like them are dismissed as they come.
 */
export const CloseGapBody = CloseGapRequest.omit({
  closedBy: true,
  closedByName: true,
  documentId: true,
})
  .extend({ documentId: z.uuid().optional() })
  .refine((body) => (body.resolution === 'article') === (body.documentId !== undefined), {
    message: 'documentId names the article written, and is given with resolution "article" only',
    path: ['documentId'],
  })
  .refine((body) => body.dismissTopic !== true || body.resolution === 'dismissed', {
    message: 'dismissTopic goes with resolution "dismissed" only',
    path: ['dismissTopic'],
  });
export type CloseGapBody = z.input<typeof CloseGapBody>;

/**
 * `DELETE /api/analytics/knowledge-gaps/dismissed-topics/:id?reopen=`: stop dismissing a topic;
 * with `reopen=true` (an undo) the questions it closed count as gaps again.
 */
export const ForgetDismissedTopicQuery = z.object({ reopen: QueryBoolean.optional() });
export type ForgetDismissedTopicQuery = z.input<typeof ForgetDismissedTopicQuery>;

/** `POST /api/analytics/knowledge-gaps/reopen`: closed questions count as gaps again. */
export const ReopenGapBody = ReopenGapRequest;
export type ReopenGapBody = z.input<typeof ReopenGapBody>;
