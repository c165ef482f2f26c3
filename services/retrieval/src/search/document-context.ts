import type { Ranked } from './rank-fusion';

/** How much a document's other matching passages add to each of its passages. */
export interface DocumentContext {
  /** Share of each other passage's score that is added. */
  readonly weight: number;
  /** Other passages of the same document counted, best first. */
  readonly passages: number;
}

/**
 * Scores each candidate passage with the evidence of its document: its own score plus
 * `weight` times the scores of the document's best `passages` other candidates. A section whose
 * answer is spread over several passages (a long "hub" section) then outranks a short one that
 * matches a single query word well. The ranking is sorted again; ties keep the given order.
 */
export function withDocumentContext(
  ranking: readonly Ranked[],
  context: DocumentContext,
): Ranked[] {
  if (context.weight <= 0 || context.passages < 1) {
    return [...ranking];
  }
  const scoresOf = new Map<string, number[]>();
  for (const item of ranking) {
    const scores = scoresOf.get(item.documentId) ?? [];
    scores.push(item.score);
    scoresOf.set(item.documentId, scores);
  }
  const contextOf = new Map<string, number[]>();
  for (const [documentId, scores] of scoresOf) {
    contextOf.set(documentId, [...scores].sort((a, b) => b - a).slice(0, context.passages + 1));
  }
  return ranking
    .map((item, order) => {
      const best = contextOf.get(item.documentId) ?? [];
      const own = best.indexOf(item.score);
      const others = best.filter((_, i) => i !== own).slice(0, context.passages);
      const added = others.reduce((sum, score) => sum + score, 0);
      return { item: { ...item, score: item.score + context.weight * added }, order };
    })
    .sort((a, b) => b.item.score - a.item.score || a.order - b.order)
    .map(({ item }) => item);
}

/**
 * Orders candidates so that the first ones come from as many documents as possible: a
 * candidate whose document already has `perDocument` candidates before it moves behind every
 * candidate of a document that has not, keeping the order otherwise. Passages for an answer
 * prompt then cover more sections instead of repeating one section's neighbouring chunks.
 */
export function spreadAcrossDocuments<T extends { readonly documentId: string }>(
  candidates: readonly T[],
  perDocument: number,
): T[] {
  const seen = new Map<string, number>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const candidate of candidates) {
    const count = (seen.get(candidate.documentId) ?? 0) + 1;
    seen.set(candidate.documentId, count);
    (count <= perDocument ? first : rest).push(candidate);
  }
  return [...first, ...rest];
}
