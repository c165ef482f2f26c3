import type { TextLanguage } from '@deskpilot/text';

/** A lexeme of the query as the text search configuration of its language sees it. */
export interface QueryLexeme {
  readonly lexeme: string;
  /** Word positions in the query (stop words keep their positions). */
  readonly positions: readonly number[];
  /** Live chunks containing the lexeme. */
  readonly documentFrequency: number;
}

/**
 * One part of the lexical score and its weight: a lexeme, or a pair of lexemes that counts where
 * the second follows the first next to it or one word apart.
 */
export type LexicalUnit =
  | { readonly kind: 'lexeme'; readonly lexeme: string; readonly weight: number }
  | {
      readonly kind: 'pair';
      readonly first: string;
      readonly second: string;
      readonly weight: number;
    };

export interface LexicalQuery {
  /** Lexemes or near-adjacent pairs, each weighted by inverse document frequency. */
  readonly units: readonly LexicalUnit[];
  /**
   * The rarest lexemes, any of which makes a chunk worth scoring. Lexemes are taken from the
   * rarest up while their document frequencies add up to at most the candidate budget (at least
   * one), so a question full of common words does not make every chunk a candidate; chunks
   * matching only common words could not rank high anyway, as those words weigh little.
   */
  readonly match: readonly string[];
}

/** Lexemes of a query that count, the first ones by position. */
export const MAX_QUERY_LEXEMES = 32;
/* Pairs are the costliest units to score and add least beyond the weightiest few. */
const MAX_PAIRS = 4;

/**
 * Lexemes of words that frame a question rather than say what it is about, as each language's
 * configuration stems them: "is it possible", "I would like to know", "I need a way to"; "ist es
 * möglich", "ich möchte wissen", "ich brauche"; "est-il possible", "¿es posible?", "vorrei
 * sapere", "gostaria de saber", "is het mogelijk". The configurations' stop-word lists keep
 * them, and in a knowledge base they are rare enough to weigh like topic words. So are question
 * words that those lists have only without their accents ("cómo") and French inversions
 * ("puis-je", "est-ce").
 */
const QUESTION_FRAMING: Readonly<Record<TextLanguage, ReadonlySet<string>>> = {
  english: framing('abl anyon could know like need pleas possibl someon tell thing want way would'),
  german: framing('bitt brauch gern irgendwi jemand mocht moglich wiss'),
  french: framing(`a a-t-il aim besoin chos combien comment dir dois dois-j est-ce est-il façon faut
    faut-il lequel moyen où peut peut-on plaît possibl pourquoi pouv pouvez-vous pourr puis puis-j
    quand quel quelqu savoir souhait veux voudr`),
  spanish: framing(`algui com cos cual cuand cuant dec dond favor form gust maner necesit podr
    porqu posibl quien quier quis sab`),
  italian: framing('bisogn cos dir favor mod piac possibil potre qualcun quand sap vogl vorre'),
  portuguese: framing(`alguém cois diz é favor form gost maneir onde porqu possível precis quant
    quer sab`),
  dutch: framing(`alsjeblieft alstublieft ding grag hoevel manier mogelijk nodig vertell waarom
    wanner war welk wet`),
};

function framing(lexemes: string): ReadonlySet<string> {
  return new Set(lexemes.trim().split(/\s+/u));
}

/**
 * The query's words without those that only frame a question in `language`, unless nothing else
 * is left.
 */
export function withoutQuestionFraming<T extends { readonly lexeme: string }>(
  words: readonly T[],
  language: TextLanguage = 'english',
): readonly T[] {
  const framing = QUESTION_FRAMING[language];
  const topical = words.filter((word) => !framing.has(word.lexeme));
  return topical.length > 0 ? topical : words;
}

/** BM25's inverse document frequency, positive even for lexemes in most chunks. */
export function inverseDocumentFrequency(documentFrequency: number, chunkCount: number): number {
  const df = Math.min(documentFrequency, chunkCount);
  return Math.log(1 + (chunkCount - df + 0.5) / (df + 0.5));
}

/**
 * Builds the weighted units of a BM25-style full-text score from the query's lexemes: each
 * lexeme (weighted by its idf times its count in the query) and each pair of lexemes that follow
 * each other in the query (weighted by the larger idf of the two). Pairs reward chunks that keep
 * the query's phrasing.
 */
export function buildLexicalQuery(
  lexemes: readonly QueryLexeme[],
  chunkCount: number,
  candidateBudget = Number.POSITIVE_INFINITY,
): LexicalQuery | undefined {
  const kept = [...lexemes]
    .sort((a, b) => (a.positions[0] ?? 0) - (b.positions[0] ?? 0))
    .slice(0, MAX_QUERY_LEXEMES);
  if (kept.length === 0) {
    return undefined;
  }
  const idf = new Map(
    kept.map((l) => [l.lexeme, inverseDocumentFrequency(l.documentFrequency, chunkCount)]),
  );
  const units: LexicalUnit[] = kept.map((l) => ({
    kind: 'lexeme',
    lexeme: l.lexeme,
    weight: l.positions.length * (idf.get(l.lexeme) ?? 0),
  }));
  const occurrences = kept
    .flatMap((l) => l.positions.map((position) => ({ position, lexeme: l.lexeme })))
    .sort((a, b) => a.position - b.position);
  const pairs = new Map<string, { first: string; second: string; weight: number }>();
  for (let i = 1; i < occurrences.length; i += 1) {
    const first = (occurrences[i - 1] as { lexeme: string }).lexeme;
    const second = (occurrences[i] as { lexeme: string }).lexeme;
    const key = JSON.stringify([first, second]);
    const weight = Math.max(idf.get(first) ?? 0, idf.get(second) ?? 0);
    const pair = pairs.get(key) ?? { first, second, weight: 0 };
    pairs.set(key, { ...pair, weight: pair.weight + weight });
  }
  const weightiest = [...pairs.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_PAIRS);
  for (const pair of weightiest) {
    units.push({ kind: 'pair', ...pair });
  }
  const match: string[] = [];
  let budget = 0;
  for (const lexeme of [...kept].sort((a, b) => a.documentFrequency - b.documentFrequency)) {
    if (match.length > 0 && budget + lexeme.documentFrequency > candidateBudget) {
      break;
    }
    match.push(lexeme.lexeme);
    budget += lexeme.documentFrequency;
  }
  return { units, match };
}
