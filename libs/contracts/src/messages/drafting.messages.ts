import { z } from 'zod';

import { event } from './define';
import { SearchLanguage, SpellingCorrection } from './search.messages';

/** A passage an answer cites as `[index]`. */
export const Citation = z.object({
  index: z.number().int().positive(),
  chunkId: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  headingPath: z.array(z.string()),
  /** The cited passage, or the part of it shown to the reviewer. */
  excerpt: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const ThreadMessage = z.object({
  from: z.enum(['customer', 'staff']),
  author: z.string(),
  /** WHMCS server-local `Y-m-d H:i:s`, as WHMCS sent it. */
  date: z.string(),
  /** Plain text with HTML entities already decoded. */
  text: z.string(),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const CustomerContext = z.object({
  name: z.string(),
  company: z.string().optional(),
  language: z.string().optional(),
  status: z.string().optional(),
  creditBalance: z.string().optional(),
  overdueInvoices: z.number().int().nonnegative().optional(),
  services: z
    .array(z.object({ product: z.string(), domain: z.string(), status: z.string() }))
    .default([]),
});
export type CustomerContext = z.infer<typeof CustomerContext>;

/** Published by whmcs-sync for each ticket that waits for a staff reply and has no current draft. */
/** A private staff note on the ticket, as the drafter gets it. */
export const DraftNote = z.object({
  author: z.string(),
  /** WHMCS server-local `Y-m-d H:i:s`, as WHMCS sent it. */
  date: z.string(),
  text: z.string(),
});
export type DraftNote = z.infer<typeof DraftNote>;

/** How many documents a reviewer can have a draft written from. */
export const MAX_DRAFT_SOURCE_DOCUMENTS = 5;

/** Knowledge-base documents a new draft is written from, and no others (a reviewer's choice). */
export const DraftSourceDocumentIds = z.array(z.uuid()).min(1).max(MAX_DRAFT_SOURCE_DOCUMENTS);

export const DraftRequested = z.object({
  draftId: z.uuid(),
  /** WHMCS internal ticket id (`ticketid`), as a string. */
  ticketId: z.string().min(1),
  /** Customer-visible ticket number (`tid`). */
  ticketNumber: z.string(),
  subject: z.string(),
  department: z.string(),
  customer: CustomerContext,
  /** The whole thread, oldest first; the last message is the customer's. */
  thread: z.array(ThreadMessage).min(1),
  /** A reviewer's guidance for this draft ("mention the 30-day refund"), when one gave it. */
  guidance: z.string().max(2_000).optional(),
  /** The knowledge-base documents a reviewer chose to have the draft written from, none else. */
  sourceDocumentIds: DraftSourceDocumentIds.optional(),
  /** The ticket's private staff notes, newest last (WHMCS_DRAFT_NOTES); for context only. */
  notes: z.array(DraftNote).max(20).optional(),
});
export type DraftRequested = z.infer<typeof DraftRequested>;

/**
 * Below this `topicCoverage`, an answer's sources say little about the question: it likely
 * answers something else, and the knowledge base may lack the topic.
 */
export const LOW_TOPIC_COVERAGE = 1 / 3;

/**
 * Below this lead of the cited documents over the best one left out, that one scored about as
 * high: the question may be about it.
 */
export const LOW_SOURCE_LEAD = 0.25;

export const DraftFlags = z.object({
  /** Ticket text that reads like instructions to the model (it is never obeyed). */
  injectionSuspected: z.boolean(),
  /** Kinds of secrets removed before any text left for a model, e.g. `password`, `card-number`. */
  redactions: z.array(z.string()),
  /** Answer sentences the cited passages do not support. */
  unsupportedSentences: z.array(z.string()),
  /**
   * The search looked for the model's translation of the question (see
   * `searchTranslationTarget`): instead of the question, in a language no document is written in,
   * or besides it (`withQuestion`), in the knowledge base's other language.
   */
  /**
   * A follow-up question was searched for as the model rewrote it to stand on its own, with what
   * the conversation said before ("And for webmail?" → "How do I reset a webmail password?").
   */
  searchRewrite: z.object({ query: z.string() }).optional(),
  searchTranslation: z
    .object({
      language: SearchLanguage,
      query: z.string(),
      withQuestion: z.boolean().optional(),
    })
    .optional(),
  /**
   * Present when sentences cite passages in other languages only (an answer in the customer's
   * language from manuals in another): those were checked by the numbers, addresses and product
   * names they state, which translation keeps, not by their words.
   */
  crossLanguage: z
    .object({ answer: SearchLanguage, passages: z.array(SearchLanguage).min(1) })
    .optional(),
  /**
   * Words of the question or ticket the knowledge base search read as other words (likely
   * misspellings), when it did: the passages were found for the words as read.
   */
  searchCorrections: z.array(SpellingCorrection).optional(),
  /**
   * 0..1, how much of the question's topic (a ticket's subject, a chat question) the cited
   * passages speak of, words that few passages contain weighing more; absent when the topic had
   * no words to judge. The confidence is lowered below 0.75.
   */
  topicCoverage: z.number().min(0).max(1).optional(),
  /**
   * The document with the best retrieval score among those the answer does not cite, and the
   * cited documents' lead over it (`1 - its score / theirs`, 0..1); absent when the answer cites
   * every document found or none. The confidence is lowered below a lead of 0.5.
   */
  bestLeftOut: z
    .object({
      documentId: z.uuid(),
      documentTitle: z.string(),
      lead: z.number().min(0).max(1),
      /**
       * Its best passage, so that a reviewer can read what the answer left out; absent in
       * answers recorded before the passage was kept.
       */
      passage: z
        .object({
          chunkId: z.uuid(),
          headingPath: z.array(z.string()),
          text: z.string(),
        })
        .optional(),
    })
    .optional(),
});
export type DraftFlags = z.infer<typeof DraftFlags>;
export type BestLeftOut = NonNullable<DraftFlags['bestLeftOut']>;

/**
 * The document an answer leaves out when it fits the question about as well as the cited ones
 * (their lead below `LOW_SOURCE_LEAD`): the answer may quote the wrong article.
 */
export function closeLeftOut(
  flags: Pick<DraftFlags, 'bestLeftOut'> | null | undefined,
): BestLeftOut | undefined {
  const leftOut = flags?.bestLeftOut;
  return leftOut !== undefined && leftOut.lead < LOW_SOURCE_LEAD ? leftOut : undefined;
}

/** Published by llm when a requested draft is ready. */
export const DraftGenerated = z.object({
  draftId: z.uuid(),
  ticketId: z.string().min(1),
  /** Markdown reply to the customer. */
  text: z.string(),
  citations: z.array(Citation),
  /** 0 (no support from the knowledge base) to 1 (every sentence grounded). */
  confidence: z.number().min(0).max(1),
  flags: DraftFlags,
  /** True when the extractive offline answerer wrote it (no model key configured). */
  offline: z.boolean(),
  model: z.string(),
  settingsVersion: z.number().int().nonnegative(),
  interactionId: z.uuid(),
});
export type DraftGenerated = z.infer<typeof DraftGenerated>;

/** Published by llm when a draft could not be written; whmcs-sync marks it failed or retries. */
export const DraftFailed = z.object({
  draftId: z.uuid(),
  ticketId: z.string().min(1),
  reason: z.string(),
  /** Whether asking again later may succeed (model outage) or not (invalid request). */
  retryable: z.boolean(),
});
export type DraftFailed = z.infer<typeof DraftFailed>;

export const DraftingEvent = {
  DraftRequested: 'tickets.draft.requested',
  DraftGenerated: 'llm.draft.generated',
  DraftFailed: 'llm.draft.failed',
} as const;

export const draftingMessages = {
  [DraftingEvent.DraftRequested]: event(DraftRequested),
  [DraftingEvent.DraftGenerated]: event(DraftGenerated),
  [DraftingEvent.DraftFailed]: event(DraftFailed),
};
