/** A retrievable piece of a document. */
export interface Chunk {
  /** Position in the document, from 0. */
  readonly index: number;
  /** The enclosing headings, outermost first (the document title is not repeated here). */
  readonly headingPath: string[];
  /** Body text: blocks separated by a blank line, without the headings. */
  readonly text: string;
  /** `estimateTokens(text)`. */
  readonly tokenCount: number;
}

/** Budget of `chunkBlocks`. */
export interface ChunkOptions {
  /** Upper bound of every chunk's `tokenCount`. */
  readonly maxTokens: number;
  /** Trailing sentences of a chunk, up to this many tokens, are repeated at the start of the next chunk of the same section. */
  readonly overlapTokens: number;
  /** The document title: a leading heading equal to it is not repeated in `headingPath`. */
  readonly title?: string;
}
