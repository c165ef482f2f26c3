/** One ranking's verdict on a candidate. */
export interface Ranked {
  readonly id: string;
  readonly documentId: string;
  readonly score: number;
}

export interface FusedCandidate {
  readonly id: string;
  readonly documentId: string;
  readonly score: number;
  readonly denseRank: number | null;
  readonly denseScore: number | null;
  readonly lexicalRank: number | null;
  readonly lexicalScore: number | null;
}

/**
 * Weighted reciprocal rank fusion: a candidate scores `w / (k + rank)` in each ranking it
 * appears in (rank from 1), with `w = denseWeight` for the dense ranking and `1 − denseWeight`
 * for the lexical one. Ties keep the dense ranking's order, then the lexical one's.
 */
export function fuseRankings(
  dense: readonly Ranked[],
  lexical: readonly Ranked[],
  denseWeight: number,
  k: number,
): FusedCandidate[] {
  const fused = new Map<string, FusedCandidate & { order: number }>();
  const visit = (ranking: readonly Ranked[], weight: number, side: 'dense' | 'lexical'): void => {
    ranking.forEach((item, i) => {
      const rank = i + 1;
      const current = fused.get(item.id) ?? {
        id: item.id,
        documentId: item.documentId,
        score: 0,
        denseRank: null,
        denseScore: null,
        lexicalRank: null,
        lexicalScore: null,
        order: fused.size,
      };
      const contribution = weight / (k + rank);
      fused.set(item.id, {
        ...current,
        score: current.score + contribution,
        ...(side === 'dense'
          ? { denseRank: rank, denseScore: item.score }
          : { lexicalRank: rank, lexicalScore: item.score }),
      });
    });
  };
  visit(dense, denseWeight, 'dense');
  visit(lexical, 1 - denseWeight, 'lexical');
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...candidate }) => candidate);
}
