import { z } from 'zod';

import { rpc } from './define';
import { GapResolution, InteractionKind } from './interactions.messages';

/** Width of one point of an analytics series. */
export const AnalyticsBucket = z.enum(['hour', 'day']);
export type AnalyticsBucket = z.infer<typeof AnalyticsBucket>;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name (`Europe/Berlin`, `UTC`): where days begin. */
export const TimeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });

/**
 * A range cut into buckets. Every bucket from the one holding `from` to the one holding the
 * instant before `to` is answered, empty ones included, so two services' series line up.
 */
export const StatsRange = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  bucket: AnalyticsBucket,
  timeZone: TimeZoneName.default('UTC'),
});
export type StatsRange = z.input<typeof StatsRange>;

const Count = z.number().int().nonnegative();
const Millis = z.number().nonnegative().nullable();

/** Interactions (chat, drafts and playground) of one bucket, by when they were asked. */
export const InteractionStats = z.object({
  interactions: Count,
  chat: Count,
  drafts: Count,
  playground: Count,
  failed: Count,
  /** Latencies of the answered (`ok`) interactions; null when none. */
  firstTokenMsP50: Millis,
  firstTokenMsP95: Millis,
  totalMsP50: Millis,
  totalMsP95: Millis,
  promptTokens: Count,
  completionTokens: Count,
  costUsd: z.number().nonnegative(),
  /** Current ratings of the bucket's interactions (withdrawn ones do not count). */
  feedbackUp: Count,
  feedbackDown: Count,
});
export type InteractionStats = z.infer<typeof InteractionStats>;

export const InteractionStatsPoint = InteractionStats.extend({
  start: z.iso.datetime({ offset: true }),
});

/** A document that answers of the range cite, and how the people asking rated those answers. */
export const CitedDocument = z.object({
  documentId: z.string(),
  /** The title the latest citing answer showed. */
  title: z.string(),
  /** Answers (chat, drafts, playground) citing it. */
  answers: Count,
  /** Of those, rated helpful and not helpful. */
  helpful: Count,
  notHelpful: Count,
});
export type CitedDocument = z.infer<typeof CitedDocument>;

/** What the range's answers were built from: where to write or improve articles. */
export const KnowledgeUse = z.object({
  /** Answers given in the range (outcome `ok`). */
  answers: Count,
  /** Of those, answers that cite no passage: the knowledge base had nothing to go on. */
  uncited: Count,
  /**
   * Of those, answers whose cited passages say little about the question
   * (`topicCoverage` below `LOW_TOPIC_COVERAGE`): the knowledge base may lack the topic.
   */
  offTopic: Count,
  /**
   * Of those, answers that leave out a document scored about as high as those they cite
   * (`bestLeftOut.lead` below `LOW_SOURCE_LEAD`): articles that overlap, or questions that fit
   * several.
   */
  passedOver: Count,
  /** The most cited documents, most cited first. */
  documents: z.array(CitedDocument),
});
export type KnowledgeUse = z.infer<typeof KnowledgeUse>;

export const InteractionStatsResponse = z.object({
  buckets: z.array(InteractionStatsPoint),
  totals: InteractionStats,
  knowledge: KnowledgeUse,
});
export type InteractionStatsResponse = z.infer<typeof InteractionStatsResponse>;

/** Ticket drafts of one bucket, by when they were created, with what people did with them. */
export const DraftStats = z.object({
  created: Count,
  /** Approved by a person (whether already posted or not). */
  approved: Count,
  sent: Count,
  /** Turned down by a person: rejected, or replaced by regenerating (not the ones gone stale). */
  rejected: Count,
  /** approved / (approved + rejected); null when no draft was decided. */
  acceptanceRate: z.number().min(0).max(1).nullable(),
  /** Approved drafts whose text the reviewer changed. */
  edited: Count,
  /** edited / approved; null when none was approved. */
  editRate: z.number().min(0).max(1).nullable(),
  /** Mean share of the text changed over approved drafts (0 to 1); null when none. */
  meanEditRatio: z.number().min(0).max(1).nullable(),
});
export type DraftStats = z.infer<typeof DraftStats>;

export const DraftStatsPoint = DraftStats.extend({
  start: z.iso.datetime({ offset: true }),
});

export const DraftStatsResponse = z.object({
  buckets: z.array(DraftStatsPoint),
  totals: DraftStats,
});
export type DraftStatsResponse = z.infer<typeof DraftStatsResponse>;

/** Knowledge gaps listed in a report, most asked first. */
export const MAX_KNOWLEDGE_GAPS = 20;
/** Questions shown for each gap, newest first. */
export const KNOWLEDGE_GAP_EXAMPLES = 5;
/** The newest weak answers of a range that are grouped; older ones are left out and counted. */
export const MAX_GAP_QUESTIONS = 300;

/** `[from, to)`, ISO 8601 instants. */
export const GapsRange = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  /** The questions closed instead of the open ones (to reopen one). */
  closed: z.boolean().optional(),
});
export type GapsRange = z.infer<typeof GapsRange>;

/**
 * Why an answer counts as weak: it cites nothing, its cited passages say little about the
 * question (`topicCoverage` below `LOW_TOPIC_COVERAGE`), or the person asking rated it not
 * helpful.
 */
export const GapReason = z.enum(['uncited', 'offTopic', 'notHelpful']);
export type GapReason = z.infer<typeof GapReason>;

/** One weakly answered question (redacted, as the log keeps it). */
export const GapQuestion = z.object({
  interactionId: z.string(),
  kind: InteractionKind,
  /** The ticket's subject for a draft (null for chat and older drafts). */
  subject: z.string().nullable(),
  question: z.string(),
  askedAt: z.iso.datetime({ offset: true }),
  reasons: z.array(GapReason),
});
export type GapQuestion = z.infer<typeof GapQuestion>;

/** Weakly answered questions about the same thing: an article to write or to improve. */
export const KnowledgeGap = z.object({
  /** Up to three words most of the questions use; none for a question alone. */
  terms: z.array(z.string()),
  questions: Count,
  chat: Count,
  drafts: Count,
  /** Of the questions, how many were answered for each reason (one may have several). */
  uncited: Count,
  offTopic: Count,
  notHelpful: Count,
  lastAskedAt: z.iso.datetime({ offset: true }),
  examples: z.array(GapQuestion),
  /** Every question of the group, newest first: what closing the gap closes. */
  interactionIds: z.array(z.string()),
});
export type KnowledgeGap = z.infer<typeof KnowledgeGap>;

/**
 * A topic whose new questions are dismissed as they are logged: abuse reports, phishing, questions
 * the knowledge base is not for. `questions` counts those it dismissed (all time).
 */
export const DismissedTopic = z.object({
  id: z.string(),
  terms: z.array(z.string()),
  dismissedBy: z.string(),
  dismissedAt: z.iso.datetime({ offset: true }),
  questions: Count,
});
export type DismissedTopic = z.infer<typeof DismissedTopic>;

/**
 * The chat questions and tickets of a range whose answers were weak (playground runs left out),
 * grouped by what they ask.
 */
export const KnowledgeGaps = z.object({
  /** Weak answers in the range, closed ones left out. */
  weakAnswers: Count,
  /** Weak answers of the range that were closed (an article written for them, or dismissed). */
  closed: Count,
  /** Of the open ones (or, when asked, the closed ones), the newest grouped (at most `MAX_GAP_QUESTIONS`). */
  grouped: Count,
  /** The groups asked most, at most `MAX_KNOWLEDGE_GAPS`. */
  gaps: z.array(KnowledgeGap),
  /** Every topic dismissed as its questions are logged, newest first. */
  dismissedTopics: z.array(DismissedTopic),
});
export type KnowledgeGaps = z.infer<typeof KnowledgeGaps>;

/** Weak answers to leave out of the knowledge gaps from now on. */
export const CloseGapRequest = z.object({
  interactionIds: z.array(z.uuid()).min(1).max(MAX_GAP_QUESTIONS),
  resolution: GapResolution,
  /** The article written for them (`article` only). */
  documentId: z.uuid().nullable(),
  /** Who closed them (a user id). */
  closedBy: z.string().min(1).max(128),
  /**
   * With `dismissed`: new questions like these are dismissed as they are logged, until the topic
   * is given up (`closedByName` is shown beside it).
   */
  dismissTopic: z.boolean().optional(),
  closedByName: z.string().min(1).max(200).optional(),
});
export type CloseGapRequest = z.infer<typeof CloseGapRequest>;

/**
 * How many of the questions were closed now (not already closed, still in the log), and the topic
 * dismissed from now on, if one was asked for.
 */
export const GapClosed = z.object({ closed: Count, topicId: z.uuid().nullable() });
export type GapClosed = z.infer<typeof GapClosed>;

/**
 * Stop dismissing a topic's new questions; those it closed stay closed unless `reopen` (an undo
 * of the dismissal) asks for them to count as gaps again.
 */
export const ForgetDismissedTopicRequest = z.object({
  topicId: z.uuid(),
  reopen: z.boolean().optional(),
});
export type ForgetDismissedTopicRequest = z.infer<typeof ForgetDismissedTopicRequest>;

export const DismissedTopicForgotten = z.object({ forgotten: z.boolean(), reopened: Count });
export type DismissedTopicForgotten = z.infer<typeof DismissedTopicForgotten>;

/** Closed weak answers to count as gaps again (an undo). */
export const ReopenGapRequest = z.object({
  interactionIds: z.array(z.uuid()).min(1).max(MAX_GAP_QUESTIONS),
});
export type ReopenGapRequest = z.infer<typeof ReopenGapRequest>;

export const GapReopened = z.object({ reopened: Count });
export type GapReopened = z.infer<typeof GapReopened>;

/** Aggregates computed where the data lives, combined by the gateway for `GET /api/analytics`. */
export const AnalyticsRpc = {
  InteractionStats: 'llm.interactions.stats',
  DraftStats: 'tickets.drafts.stats',
  KnowledgeGaps: 'llm.interactions.gaps',
  CloseGap: 'llm.interactions.gaps.close',
  ReopenGap: 'llm.interactions.gaps.reopen',
  ForgetDismissedTopic: 'llm.interactions.gaps.topics.forget',
} as const;

export const analyticsMessages = {
  [AnalyticsRpc.InteractionStats]: rpc(StatsRange, InteractionStatsResponse),
  [AnalyticsRpc.DraftStats]: rpc(StatsRange, DraftStatsResponse),
  [AnalyticsRpc.KnowledgeGaps]: rpc(GapsRange, KnowledgeGaps),
  [AnalyticsRpc.CloseGap]: rpc(CloseGapRequest, GapClosed),
  [AnalyticsRpc.ReopenGap]: rpc(ReopenGapRequest, GapReopened),
  [AnalyticsRpc.ForgetDismissedTopic]: rpc(ForgetDismissedTopicRequest, DismissedTopicForgotten),
};
