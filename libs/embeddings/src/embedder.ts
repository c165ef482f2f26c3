/** A passage to embed for the index: its body and the context it sits in. */
export interface Passage {
  /** Title of the document the passage belongs to. */
  readonly title?: string;
  /** Enclosing headings, outermost first. */
  readonly headings?: readonly string[];
  readonly text: string;
}

/**
 * Weight of each query term (as returned by `queryTerms`) from the statistics of the indexed
 * collection, for example its inverse document frequency. Terms without an entry weigh 1.
 */
export type TermWeights = ReadonlyMap<string, number>;

/** Turns texts into fixed-length vectors compared by inner product. */
export interface Embedder {
  /**
   * Identifies the model and every setting that changes its vectors (e.g.
   * `local:bm25-hash-v2:384:…`). Stored with the vectors: a different id means re-embedding.
   */
  readonly id: string;
  /** Length of every returned vector. */
  readonly dimension: number;
  /** Embeds passages to be indexed, one vector per passage, in order. */
  embedDocuments(passages: readonly Passage[]): Promise<Float32Array[]>;
  /**
   * Embeds a search query as a unit vector. `termWeights` sharpens embedders that work on terms
   * (the local one); model embedders ignore it.
   */
  embedQuery(text: string, termWeights?: TermWeights): Promise<Float32Array>;
  /** The terms of `text` whose collection weights `embedQuery` can use; empty for models. */
  queryTerms(text: string): string[];
}

/** The embedding service failed; `retryable` tells whether asking again later may succeed. */
export class EmbeddingError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'EmbeddingError';
  }
}

/** One line of text for model embedders: title, heading path and body. */
export function passageText(passage: Passage): string {
  const context = [passage.title, ...(passage.headings ?? [])]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0);
  return context.length === 0 ? passage.text : `${context.join(' > ')}\n\n${passage.text}`;
}
