import type { Qrels } from '../dataset/emanual-dataset';

/** Mean document-level scores of a run. */
export interface MetricSummary {
  readonly queries: number;
  readonly recallAt1: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly ndcgAt10: number;
  readonly mrrAt10: number;
}

/** Share of the relevant documents found in the first `k` results. */
export function recallAt(
  ranking: readonly string[],
  relevant: ReadonlyMap<string, number>,
  k: number,
): number {
  if (relevant.size === 0) {
    return 0;
  }
  const found = unique(ranking)
    .slice(0, k)
    .filter((id) => relevant.has(id)).length;
  return found / relevant.size;
}

/** nDCG@k with gain = grade and discount log2(rank + 1). */
export function ndcgAt(
  ranking: readonly string[],
  relevant: ReadonlyMap<string, number>,
  k: number,
): number {
  const dcg = unique(ranking)
    .slice(0, k)
    .reduce((sum, id, i) => sum + (relevant.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...relevant.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Reciprocal rank of the first relevant document within the first `k`, else 0. */
export function reciprocalRankAt(
  ranking: readonly string[],
  relevant: ReadonlyMap<string, number>,
  k: number,
): number {
  const rank = unique(ranking)
    .slice(0, k)
    .findIndex((id) => relevant.has(id));
  return rank >= 0 ? 1 / (rank + 1) : 0;
}

/** Averages the metrics over every judged query; a query missing from `run` scores 0. */
export function evaluateRun(
  run: ReadonlyMap<string, readonly string[]>,
  qrels: Qrels,
): MetricSummary {
  const totals = { recallAt1: 0, recallAt5: 0, recallAt10: 0, ndcgAt10: 0, mrrAt10: 0 };
  for (const [queryId, relevant] of qrels) {
    const ranking = run.get(queryId) ?? [];
    totals.recallAt1 += recallAt(ranking, relevant, 1);
    totals.recallAt5 += recallAt(ranking, relevant, 5);
    totals.recallAt10 += recallAt(ranking, relevant, 10);
    totals.ndcgAt10 += ndcgAt(ranking, relevant, 10);
    totals.mrrAt10 += reciprocalRankAt(ranking, relevant, 10);
  }
  const n = Math.max(qrels.size, 1);
  return {
    queries: qrels.size,
    recallAt1: totals.recallAt1 / n,
    recallAt5: totals.recallAt5 / n,
    recallAt10: totals.recallAt10 / n,
    ndcgAt10: totals.ndcgAt10 / n,
    mrrAt10: totals.mrrAt10 / n,
  };
}

// A document listed twice counts once, at its best rank.
function unique(ranking: readonly string[]): string[] {
  return [...new Set(ranking)];
}
