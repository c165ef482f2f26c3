import { z } from 'zod';

import {
  AnswerFlags,
  AnswerPassage,
  BotSettingsValues,
  FailureReason,
  InteractionOutcome,
  PromptMessage,
} from './answering.messages';
import { event, rpc } from './define';
import { Citation } from './drafting.messages';

export const InteractionKind = z.enum(['chat', 'playground', 'draft']);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const FeedbackRating = z.enum(['up', 'down']);
export type FeedbackRating = z.infer<typeof FeedbackRating>;

/** Feedback on an answer, stored by the gateway and copied onto the interaction log by llm. */
export const FeedbackRecorded = z.object({
  interactionId: z.uuid(),
  userId: z.string().min(1),
  /** null when the user withdrew their feedback. */
  rating: FeedbackRating.nullable(),
  comment: z.string().max(4_000).optional(),
  /** When the user gave it; an older event never overwrites a newer one. */
  givenAt: z.iso.datetime({ offset: true }),
});
export type FeedbackRecorded = z.infer<typeof FeedbackRecorded>;

export const InteractionFeedback = z.object({
  rating: FeedbackRating,
  comment: z.string().nullable(),
  userId: z.string(),
  givenAt: z.iso.datetime({ offset: true }),
});
export type InteractionFeedback = z.infer<typeof InteractionFeedback>;

export const InteractionSummary = z.object({
  id: z.uuid(),
  kind: InteractionKind,
  userId: z.string().nullable(),
  conversationId: z.string().nullable(),
  ticketId: z.string().nullable(),
  /** The drafted ticket's subject, redacted; null for chat, the playground and older drafts. */
  ticketSubject: z.string().nullable(),
  draftId: z.uuid().nullable(),
  /** Redacted, cut to 300 characters. */
  question: z.string(),
  model: z.string().nullable(),
  settingsVersion: z.number().int().nonnegative().nullable(),
  outcome: InteractionOutcome,
  failureReason: FailureReason.nullable(),
  offline: z.boolean(),
  confidence: z.number().min(0).max(1).nullable(),
  promptTokens: z.number().int().nonnegative().nullable(),
  completionTokens: z.number().int().nonnegative().nullable(),
  costUsd: z.number().nonnegative().nullable(),
  firstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative().nullable(),
  feedback: z.array(InteractionFeedback),
  createdAt: z.iso.datetime({ offset: true }),
});
export type InteractionSummary = z.infer<typeof InteractionSummary>;

export const RetrievedChunk = AnswerPassage.omit({ text: true, headingPath: true });

/**
 * How a gap was closed: an article was written for its questions, or an administrator judged
 * them not to be knowledge questions (abuse reports, phishing, a customer's own mistake).
 */
export const GapResolution = z.enum(['article', 'dismissed']);
export type GapResolution = z.infer<typeof GapResolution>;

/** How a question left the knowledge gaps. */
export const GapClosure = z.object({
  resolution: GapResolution,
  /** The article written for it (`article` only). */
  documentId: z.string().nullable(),
  /** The words of the dismissed topic that closed it; null when closed without one. */
  topicTerms: z.array(z.string()).nullable(),
  closedAt: z.iso.datetime({ offset: true }),
});
export type GapClosure = z.infer<typeof GapClosure>;

export const InteractionDetail = InteractionSummary.extend({
  /** The whole question, redacted. */
  question: z.string(),
  answer: z.string(),
  citations: z.array(Citation),
  flags: AnswerFlags,
  retrieved: z.array(RetrievedChunk),
  /** The messages as sent to the model, redacted. */
  prompt: z.array(PromptMessage),
  requestedModel: z.string().nullable(),
  fallbackModels: z.array(z.string()),
  settings: BotSettingsValues.nullable(),
  generationId: z.string().nullable(),
  failureMessage: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Null while the question counts among the knowledge gaps it may be one of. */
  gapClosure: GapClosure.nullable(),
});
export type InteractionDetail = z.infer<typeof InteractionDetail>;

export const ListInteractionsRequest = z.object({
  userId: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** `none`: no feedback yet; `any`: some feedback. */
  feedback: z.enum(['up', 'down', 'none', 'any']).optional(),
  model: z.string().optional(),
  outcome: InteractionOutcome.optional(),
  kind: InteractionKind.optional(),
  /**
   * `none`: answers that cite no passage; `some`: answers that cite at least one; `off-topic`:
   * answers whose cited passages say little about the question (`LOW_TOPIC_COVERAGE`);
   * `passed-over`: answers that leave out a document scored about as high as those they cite
   * (`LOW_SOURCE_LEAD`).
   */
  cited: z.enum(['none', 'some', 'off-topic', 'passed-over']).optional(),
  /** Only interactions whose answer's confidence is at least this. */
  minConfidence: z.number().min(0).max(1).optional(),
  /** Only interactions whose answer's confidence is below this (bands that meet, not overlap). */
  belowConfidence: z.number().min(0).max(1).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().optional(),
});
export type ListInteractionsRequest = z.input<typeof ListInteractionsRequest>;

export const ListInteractionsResponse = z.object({
  items: z.array(InteractionSummary),
  nextCursor: z.string().nullable(),
});
export type ListInteractionsResponse = z.infer<typeof ListInteractionsResponse>;

export const GetInteractionRequest = z.object({ id: z.uuid() });

export const InteractionsRpc = {
  List: 'llm.interactions.list',
  Get: 'llm.interactions.get',
} as const;

export const InteractionsEvent = {
  FeedbackRecorded: 'chat.feedback.recorded',
} as const;

export const interactionsMessages = {
  [InteractionsRpc.List]: rpc(ListInteractionsRequest, ListInteractionsResponse),
  [InteractionsRpc.Get]: rpc(GetInteractionRequest, InteractionDetail),
  [InteractionsEvent.FeedbackRecorded]: event(FeedbackRecorded),
};
