import type { RelevanceCut } from '@deskpilot/contracts';

/** The hits that `cut` keeps, in their order (see `RelevanceCut`); all of them without a cut. */
export function cutByRelevance<T extends { readonly lexicalScore: number | null }>(
  hits: readonly T[],
  cut: RelevanceCut | undefined,
): T[] {
  const best = Math.max(...hits.map((hit) => hit.lexicalScore ?? Number.NEGATIVE_INFINITY));
  if (cut === undefined || !Number.isFinite(best)) {
    return [...hits];
  }
  return hits.filter(
    (hit, position) =>
      position < cut.keep || (hit.lexicalScore !== null && hit.lexicalScore >= cut.share * best),
  );
}
