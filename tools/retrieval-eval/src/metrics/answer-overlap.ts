import { searchTerms } from '@deskpilot/text';

export interface AnswerOverlap {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * How much of a reference answer an answer says, by its content words (stemmed, stop words left
 * out, each counted as often as it occurs): the token F1 of reading-comprehension benchmarks.
 */
export function answerOverlap(answer: string, reference: string): AnswerOverlap {
  const said = searchTerms(answer);
  const expected = searchTerms(reference);
  const remaining = new Map<string, number>();
  for (const term of expected) {
    remaining.set(term, (remaining.get(term) ?? 0) + 1);
  }
  let shared = 0;
  for (const term of said) {
    const left = remaining.get(term) ?? 0;
    if (left > 0) {
      shared += 1;
      remaining.set(term, left - 1);
    }
  }
  const precision = said.length === 0 ? 0 : shared / said.length;
  const recall = expected.length === 0 ? 0 : shared / expected.length;
  const f1 = shared === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
