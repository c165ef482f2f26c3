import { z } from 'zod';

import { rpc } from './define';

/**
 * Share of the dense ranking when a request does not say. Zero: with the offline embedder the
 * full-text ranking alone ranks best (every share of the dense ranking lowered recall and nDCG on
 * the e-manual evaluation, see docs/benchmarks.md); a deployment with a semantic embedder can
 * raise it per request or in the bot settings.
 */
export const DEFAULT_DENSE_WEIGHT = 0;

/**
 * Returns the first `keep` hits and, of the rest up to `topK`, only those whose full-text score
 * is at least `share` of the best hit's: a clear ranking gives fewer hits, an uncertain one more.
 * Without full-text scores (a dense-only search) nothing is cut.
 */
export const RelevanceCut = z.object({
  keep: z.number().int().min(1).max(50),
  share: z.number().min(0).max(1),
});
export type RelevanceCut = z.infer<typeof RelevanceCut>;

export const SearchRequest = z.object({
  query: z.string().trim().min(1).max(2_000),
  topK: z.number().int().min(1).max(50).default(8),
  /** Share of the dense (vector) ranking in the fused score; the lexical ranking gets the rest. */
  denseWeight: z.number().min(0).max(1).default(DEFAULT_DENSE_WEIGHT),
  /** Restricts the search to these documents (for example a document view's test panel). */
  documentIds: z.array(z.uuid()).max(100).optional(),
  relevanceCut: RelevanceCut.optional(),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export const SearchHit = z.object({
  chunkId: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  documentVersion: z.number().int().positive(),
  /** Enclosing headings, outermost first. */
  headingPath: z.array(z.string()),
  text: z.string(),
  /** Fused score used for the order of the hits; higher is better. */
  score: z.number(),
  /** Cosine similarity from the vector index, when the chunk was among the dense candidates. */
  denseScore: z.number().nullable(),
  /** Full-text score (BM25-style, with its document's other matches), when the chunk matched. */
  lexicalScore: z.number().nullable(),
  denseRank: z.number().int().positive().nullable(),
  lexicalRank: z.number().int().positive().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A language whose stems full-text search reads text in (PostgreSQL's configuration name). */
export const SearchLanguage = z.enum([
  'english',
  'german',
  'french',
  'spanish',
  'italian',
  'portuguese',
  'dutch',
]);
export type SearchLanguage = z.infer<typeof SearchLanguage>;

/** Each language's English name, as the console and the model's instructions name it. */
export const SEARCH_LANGUAGE_NAMES: Readonly<Record<SearchLanguage, string>> = {
  english: 'English',
  german: 'German',
  french: 'French',
  spanish: 'Spanish',
  italian: 'Italian',
  portuguese: 'Portuguese',
  dutch: 'Dutch',
};

/** A query word that no passage contains, searched as the word it most likely misspells. */
export const SpellingCorrection = z.object({
  /** The word as the query has it. */
  typed: z.string(),
  /** The word of the knowledge base it was searched as. */
  read: z.string(),
});
export type SpellingCorrection = z.infer<typeof SpellingCorrection>;

/** A language the knowledge base's live chunks are read in, with how many there are. */
export const IndexLanguage = z.object({
  language: SearchLanguage,
  chunks: z.number().int().positive(),
});
export type IndexLanguage = z.infer<typeof IndexLanguage>;

/**
 * Share of the knowledge base's chunks from which a language counts as one the knowledge base is
 * written in, besides the question's: below it, a few documents (or a few misread passages) in
 * another language would have every question translated.
 */
export const MIN_TRANSLATED_SHARE = 0.1;

/**
 * The language to translate a question read in `language` into, to search the knowledge base in
 * its other language, if it has one (see `searchTranslationTarget`).
 */
export interface SearchTranslationTarget {
  readonly language: SearchLanguage;
  /**
   * The question as asked finds documents in its own language too, so the search looks for both
   * and merges what they find; otherwise the translation replaces the question.
   */
  readonly withQuestion: boolean;
}

/**
 * Where a question read in `language` is searched besides: a question in a language no document
 * is written in, in the knowledge base's main language instead; a question in one of the
 * knowledge base's languages, also in the language with most chunks among the others, when that
 * holds at least `MIN_TRANSLATED_SHARE` of them (a German question in a knowledge base of German
 * articles and English vendor manuals). Nothing for a question whose language was not told or a
 * knowledge base in one language.
 */
export function searchTranslationTarget(
  language: SearchLanguage | undefined,
  indexLanguages: readonly IndexLanguage[],
): SearchTranslationTarget | undefined {
  const [main] = indexLanguages;
  if (language === undefined || main === undefined) {
    return undefined;
  }
  if (!indexLanguages.some((indexed) => indexed.language === language)) {
    return { language: main.language, withQuestion: false };
  }
  const total = indexLanguages.reduce((sum, indexed) => sum + indexed.chunks, 0);
  const other = indexLanguages.find((indexed) => indexed.language !== language);
  return other !== undefined && other.chunks >= MIN_TRANSLATED_SHARE * total
    ? { language: other.language, withQuestion: true }
    : undefined;
}

export const SearchResponse = z.object({
  hits: z.array(SearchHit),
  /** Query words searched as other words (misspellings), when there were any. */
  corrections: z.array(SpellingCorrection).optional(),
  /**
   * The language whose stems the full-text search read the query in; absent when the search was
   * by vectors alone.
   */
  language: SearchLanguage.optional(),
  /**
   * The languages the knowledge base is searched in (those of its chunks), the one with most
   * chunks first; absent in the replies of retrieval before it told them.
   */
  indexLanguages: z.array(IndexLanguage).optional(),
  /** Id of the embedder that produced the query vector (see the Embedder interface). */
  embedder: z.string(),
  tookMs: z.number().nonnegative(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Hybrid search over the knowledge base, answered by any retrieval replica. */
export const SearchRpc = {
  Search: 'retrieval.search',
} as const;

export const searchMessages = {
  [SearchRpc.Search]: rpc(SearchRequest, SearchResponse),
};
