import { z } from 'zod';

import { event, rpc, stream } from './define';
import { Citation, DraftFlags } from './drafting.messages';
import type { RelevanceCut } from './search.messages';
import { SpellingCorrection } from './search.messages';

/**
 * Passages an answer prompt gets at most by default, and which of them past the first few are
 * kept: on the e-manual evaluation the gold section reached 0.974 of the prompts with these, in
 * 10.4 passages on average, against 0.925 with a fixed 6 (docs/benchmarks.md).
 */
export const DEFAULT_PROMPT_PASSAGES = 16;
export const PROMPT_RELEVANCE_CUT: RelevanceCut = { keep: 6, share: 0.3 };

/** The bot's tunable behaviour. The gateway owns and versions it; llm uses the latest it received. */
export const BotSettingsValues = z.object({
  /** OpenRouter model id, `author/slug`. */
  model: z.string().min(1),
  /** Tried in order by OpenRouter (`models[]`) when the primary model fails. */
  fallbackModels: z.array(z.string().min(1)).max(5).default([]),
  temperature: z.number().min(0).max(2),
  /** Upper bound of the answer length; always sent to the model. */
  maxTokens: z.number().int().min(16).max(16_384),
  /** Tone and policy for answers. Grounding and citation rules are always added by llm. */
  systemPrompt: z.string().max(8_000),
  /**
   * How many retrieved passages go into the prompt at most; past the first six, only those
   * scoring at least 30 % of the best (`PROMPT_RELEVANCE_CUT`).
   */
  passages: z.number().int().min(1).max(20),
  /** Share of the vector ranking in hybrid search (the lexical ranking gets the rest). */
  denseWeight: z.number().min(0).max(1),
  /**
   * Whether a question in a language no document is written in is translated by the model into
   * the knowledge base's main language for the search (one more, short, model call).
   */
  translateQuestions: z.boolean().default(true),
  /**
   * Whether a chat question that follows others is rewritten by the model into one that stands
   * on its own for the search ("And for webmail?" after a question on resetting a password), one
   * more, short, model call per follow-up.
   */
  rewriteFollowUps: z.boolean().default(true),
});
export type BotSettingsValues = z.infer<typeof BotSettingsValues>;

/** A settings version made current; broadcast to every llm replica. */
export const BotSettingsPublished = z.object({
  version: z.number().int().positive(),
  settings: BotSettingsValues,
  changedBy: z.string().optional(),
  changedAt: z.iso.datetime({ offset: true }),
});
export type BotSettingsPublished = z.infer<typeof BotSettingsPublished>;

export const CurrentSettingsRequest = z.object({});

export const CurrentSettings = z.object({
  /** 0 while llm runs on its built-in defaults (no version received yet). */
  version: z.number().int().nonnegative(),
  settings: BotSettingsValues,
  receivedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CurrentSettings = z.infer<typeof CurrentSettings>;

export const ConversationTurn = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(40_000),
});
export type ConversationTurn = z.infer<typeof ConversationTurn>;

/** Settings to answer with instead of the current ones (the admin playground). */
export const SettingsOverride = z.object({
  /** The stored version these values come from; null for an unsaved draft. */
  version: z.number().int().positive().nullable(),
  settings: BotSettingsValues,
});
export type SettingsOverride = z.infer<typeof SettingsOverride>;

export const AnswerRequest = z.object({
  /**
   * Chosen by the caller so that it can cancel (`chat.answer.cancelled`) before the first chunk;
   * also the id of the interaction log entry. A repeated id is refused with CONFLICT.
   */
  interactionId: z.uuid(),
  question: z.string().trim().min(1).max(8_000),
  /** Earlier turns of the conversation, oldest first; llm keeps the latest within its budget. */
  history: z.array(ConversationTurn).max(200).default([]),
  user: z.object({ id: z.string().min(1), name: z.string().optional() }),
  conversationId: z.string().optional(),
  purpose: z.enum(['chat', 'playground']).default('chat'),
  settings: SettingsOverride.optional(),
  /** Also return the passages with their scores and the prompt as sent (the playground). */
  inspect: z.boolean().default(false),
});
export type AnswerRequest = z.input<typeof AnswerRequest>;

/** A retrieved passage as numbered in the prompt. */
export const AnswerPassage = z.object({
  index: z.number().int().positive(),
  chunkId: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  documentVersion: z.number().int().positive(),
  headingPath: z.array(z.string()),
  text: z.string(),
  score: z.number(),
  denseScore: z.number().nullable(),
  lexicalScore: z.number().nullable(),
});
export type AnswerPassage = z.infer<typeof AnswerPassage>;

export const PromptMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type PromptMessage = z.infer<typeof PromptMessage>;

export const AnswerFlags = DraftFlags.extend({
  /** Which injection patterns matched (rule ids), for the reviewer. */
  injectionSignals: z.array(z.string()),
  /** The answer hit `maxTokens` and was cut. */
  truncated: z.boolean(),
});
export type AnswerFlags = z.infer<typeof AnswerFlags>;

export const FailureReason = z.enum([
  'unauthorized',
  'payment_required',
  'rate_limited',
  'refused',
  'bad_request',
  'provider_error',
  'midstream_error',
  'first_token_timeout',
  'stalled',
  'connection_error',
  'retrieval_unavailable',
  'internal',
]);
export type FailureReason = z.infer<typeof FailureReason>;

export const AnswerFailure = z.object({
  reason: FailureReason,
  message: z.string(),
  /** Whether trying again later may work (outages, rate limits) or not (bad key, no credits). */
  retryable: z.boolean(),
  retryAfterSeconds: z.number().nonnegative().optional(),
});
export type AnswerFailure = z.infer<typeof AnswerFailure>;

export const AnswerUsage = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  /** USD charged by OpenRouter; null when it reported none (for example after an abort). */
  costUsd: z.number().nonnegative().nullable(),
});
export type AnswerUsage = z.infer<typeof AnswerUsage>;

export const InteractionOutcome = z.enum(['pending', 'ok', 'failed', 'cancelled']);
export type InteractionOutcome = z.infer<typeof InteractionOutcome>;

/** First chunk: the interaction started, with what the answer is built from. */
export const AnswerStartedChunk = z.object({
  type: z.literal('started'),
  interactionId: z.uuid(),
  /** null when answering with unsaved draft settings. */
  settingsVersion: z.number().int().nonnegative().nullable(),
  model: z.string(),
  offline: z.boolean(),
  /** Only with `inspect`. */
  passages: z.array(AnswerPassage).optional(),
  /** Only with `inspect`: the messages as sent to the model, after redaction. */
  prompt: z.array(PromptMessage).optional(),
  /**
   * Words of the question the search read as other words (likely misspellings), when it did;
   * sent before the answer so that the reader knows what it is about while it is written.
   */
  searchCorrections: z.array(SpellingCorrection).optional(),
});

export const AnswerTokenChunk = z.object({ type: z.literal('token'), text: z.string() });

/** After the last token: the passages the answer cites, with title and chunk text. */
export const AnswerCitationsChunk = z.object({
  type: z.literal('citations'),
  citations: z.array(Citation),
});

/** Last chunk: how it ended. A failed or cancelled answer is never complete. */
export const AnswerFinalChunk = z.object({
  type: z.literal('final'),
  interactionId: z.uuid(),
  outcome: z.enum(['ok', 'failed', 'cancelled']),
  failure: AnswerFailure.optional(),
  /** The whole answer text (partial when failed or cancelled). */
  text: z.string(),
  confidence: z.number().min(0).max(1),
  flags: AnswerFlags,
  usage: AnswerUsage.nullable(),
  /** The model that served the answer (after fallbacks), or `offline/extractive`. */
  model: z.string(),
  settingsVersion: z.number().int().nonnegative().nullable(),
  offline: z.boolean(),
  firstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
});
export type AnswerFinalChunk = z.infer<typeof AnswerFinalChunk>;

export const AnswerChunk = z.discriminatedUnion('type', [
  AnswerStartedChunk,
  AnswerTokenChunk,
  AnswerCitationsChunk,
  AnswerFinalChunk,
]);
export type AnswerChunk = z.infer<typeof AnswerChunk>;

/** The user stopped an answer (or went away); every llm replica hears it, the busy one stops. */
export const AnswerCancelled = z.object({ interactionId: z.uuid() });
export type AnswerCancelled = z.infer<typeof AnswerCancelled>;

export const AnsweringRpc = {
  Answer: 'llm.answer.stream',
  CurrentSettings: 'llm.settings.current',
} as const;

export const AnsweringEvent = {
  SettingsPublished: 'settings.bot.published',
  AnswerCancelled: 'chat.answer.cancelled',
} as const;

export const answeringMessages = {
  [AnsweringRpc.Answer]: stream(AnswerRequest, AnswerChunk),
  [AnsweringRpc.CurrentSettings]: rpc(CurrentSettingsRequest, CurrentSettings),
  [AnsweringEvent.SettingsPublished]: event(BotSettingsPublished),
  [AnsweringEvent.AnswerCancelled]: event(AnswerCancelled),
};
