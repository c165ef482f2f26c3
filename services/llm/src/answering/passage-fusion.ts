import type { AnswerPassage } from '@deskpilot/contracts';

/** Reciprocal rank fusion's usual constant: ranks far down a list still count a little. */
const RANK_CONSTANT = 60;

/**
 * One list of prompt passages from several searches for the same question (as asked and in
 * translation), by reciprocal rank fusion: a passage scores 1 / (60 + its rank) in each list that
 * has it, so the lists' best passages alternate and a passage that several find comes first.
 * Equal scores keep the lists' order. At most `limit`, numbered from 1 again.
 */
export function fusePassages(
  lists: readonly (readonly AnswerPassage[])[],
  limit: number,
): AnswerPassage[] {
  const fused = new Map<string, { passage: AnswerPassage; score: number }>();
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let rank = 0; rank < longest; rank += 1) {
    for (const list of lists) {
      const passage = list[rank];
      if (passage === undefined) {
        continue;
      }
      const entry = fused.get(passage.chunkId) ?? { passage, score: 0 };
      entry.score += 1 / (RANK_CONSTANT + rank + 1);
      fused.set(passage.chunkId, entry);
    }
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ passage }, position) => ({ ...passage, index: position + 1 }));
}
