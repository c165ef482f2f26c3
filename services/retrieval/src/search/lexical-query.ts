/** A lexeme of the query as PostgreSQL's `english` configuration sees it. */
export interface QueryLexeme {
  readonly lexeme: string;
  /** Word positions in the query (stop words keep their positions). */
  readonly positions: readonly number[];
  /** Live chunks containing the lexeme. */
  readonly documentFrequency: number;
}

/** One part of the lexical score: a `tsquery` and its weight. */
export interface LexicalUnit {
  readonly tsquery: string;
  readonly weight: number;
}

export interface LexicalQuery {
  /** Lexemes or near-adjacent pairs, each weighted by inverse document frequency. */
  readonly units: readonly LexicalUnit[];
  /**
   * Any of the rarest lexemes: the chunks worth scoring. Lexemes are taken from the rarest up
   * while their document frequencies add up to at most the candidate budget (at least one), so a
   * question full of common words does not make every chunk a candidate; chunks matching only
   * common words could not rank high anyway, as those words weigh little.
   */
  readonly match: string;
}

const MAX_LEXEMES = 32;
/* Phrase matching costs far more than a lexeme in ts_rank_cd: only the weightiest pairs count. */
const MAX_PAIRS = 4;

/** BM25's inverse document frequency, positive even for lexemes in most chunks. */
export function inverseDocumentFrequency(documentFrequency: number, chunkCount: number): number {
  const df = Math.min(documentFrequency, chunkCount);
  return Math.log(1 + (chunkCount - df + 0.5) / (df + 0.5));
}

/** Quotes a lexeme for `tsquery` input: `'it''s'`, backslashes doubled. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/**
 * Builds the weighted units of a BM25-style full-text score from the query's lexemes: each
 * lexeme (weighted by its idf times its count in the query) and each pair of lexemes that follow
 * each other in the query, matched in a chunk next to each other or one word apart (weighted by
 * the larger idf of the two). Pairs reward chunks that keep the query's phrasing.
 */
export function buildLexicalQuery(
  lexemes: readonly QueryLexeme[],
  chunkCount: number,
  candidateBudget = Number.POSITIVE_INFINITY,
): LexicalQuery | undefined {
  const kept = [...lexemes]
    .sort((a, b) => (a.positions[0] ?? 0) - (b.positions[0] ?? 0))
    .slice(0, MAX_LEXEMES);
  if (kept.length === 0) {
    return undefined;
  }
  const idf = new Map(
    kept.map((l) => [l.lexeme, inverseDocumentFrequency(l.documentFrequency, chunkCount)]),
  );
  const units: LexicalUnit[] = kept.map((l) => ({
    tsquery: quoteLexeme(l.lexeme),
    weight: l.positions.length * (idf.get(l.lexeme) ?? 0),
  }));
  const occurrences = kept
    .flatMap((l) => l.positions.map((position) => ({ position, lexeme: l.lexeme })))
    .sort((a, b) => a.position - b.position);
  const pairs = new Map<string, number>();
  for (let i = 1; i < occurrences.length; i += 1) {
    const first = (occurrences[i - 1] as { lexeme: string }).lexeme;
    const second = (occurrences[i] as { lexeme: string }).lexeme;
    const a = quoteLexeme(first);
    const b = quoteLexeme(second);
    const tsquery = `(${a} <-> ${b}) | (${a} <2> ${b})`;
    const weight = Math.max(idf.get(first) ?? 0, idf.get(second) ?? 0);
    pairs.set(tsquery, (pairs.get(tsquery) ?? 0) + weight);
  }
  const weightiest = [...pairs].sort((a, b) => b[1] - a[1]).slice(0, MAX_PAIRS);
  for (const [tsquery, weight] of weightiest) {
    units.push({ tsquery, weight });
  }
  const selective: QueryLexeme[] = [];
  let budget = 0;
  for (const lexeme of [...kept].sort((a, b) => a.documentFrequency - b.documentFrequency)) {
    if (selective.length > 0 && budget + lexeme.documentFrequency > candidateBudget) {
      break;
    }
    selective.push(lexeme);
    budget += lexeme.documentFrequency;
  }
  return { units, match: selective.map((l) => quoteLexeme(l.lexeme)).join(' | ') };
}
