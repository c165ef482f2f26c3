/** Okapi BM25 parameters and analysis. */
export interface Bm25Options {
  readonly k1: number;
  readonly b: number;
  readonly tokenize: (text: string) => string[];
}

/** A scored document. */
export interface ScoredId {
  readonly id: string;
  readonly score: number;
}

// Lucene's English stop set plus question words, pronouns and auxiliaries.
const SMALL_STOP_WORDS = new Set(
  `a an and are as at be but by for if in into is it no not of on or such that the their then
  there these they this to was will with what how when where which who why i my me you your can
  do does`.split(/\s+/u),
);

/** Lowercase ASCII-alphanumeric tokens without a small stop-word list, no stemming. */
export function plainTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/gu) ?? []).filter((t) => !SMALL_STOP_WORDS.has(t));
}

/** The README's baseline: k1 = 0.9, b = 0.4, `plainTokens`. */
export const BASELINE_BM25: Bm25Options = { k1: 0.9, b: 0.4, tokenize: plainTokens };

/**
 * In-memory Okapi BM25 with the Lucene idf `ln(1 + (N - df + 0.5) / (df + 0.5))`, which stays
 * positive for terms in more than half of the documents.
 */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];

  constructor(private readonly options: Bm25Options = BASELINE_BM25) {}

  add(id: string, text: string): void {
    const doc = this.ids.length;
    const counts = new Map<string, number>();
    const tokens = this.options.tokenize(text);
    for (const token of tokens) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    for (const [term, tf] of counts) {
      const list = this.postings.get(term) ?? [];
      list.push({ doc, tf });
      this.postings.set(term, list);
    }
    this.ids.push(id);
    this.lengths.push(tokens.length);
  }

  /**
   * The best `limit` documents for `query`, highest score first. A term repeated in the query
   * counts each time. Ties (identical duplicate sections) rank the later document first, the
   * order that reproduces the dataset README's reference numbers.
   */
  search(query: string, limit: number): ScoredId[] {
    const n = this.ids.length;
    const avgLength = this.lengths.reduce((sum, l) => sum + l, 0) / Math.max(n, 1);
    const scores = new Float64Array(n);
    const { k1, b } = this.options;
    for (const term of this.options.tokenize(query)) {
      const list = this.postings.get(term) ?? [];
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * (this.lengths[doc] ?? 0)) / avgLength);
        scores[doc] = (scores[doc] ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return Array.from(scores, (score, doc) => ({ doc, score }))
      .filter((entry) => entry.score > 0)
      .sort((x, y) => y.score - x.score || y.doc - x.doc)
      .slice(0, limit)
      .map(({ doc, score }) => ({ id: this.ids[doc] ?? '', score }));
  }
}
