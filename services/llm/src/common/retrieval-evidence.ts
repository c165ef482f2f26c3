import type { AnswerPassage } from '@deskpilot/contracts';

/**
 * How strongly retrieval found each passage, comparable across the passages of one search: the
 * full-text score when the search had one, else the vector score; a passage without it counts 0.
 * The fused score of a hybrid search is a rank, which says nothing of how far apart two passages
 * are. Undefined when the passages carry neither score.
 */
export function retrievalEvidence(
  passages: readonly AnswerPassage[],
): ((passage: AnswerPassage) => number) | undefined {
  if (passages.some((passage) => passage.lexicalScore !== null)) {
    return (passage) => passage.lexicalScore ?? 0;
  }
  if (passages.some((passage) => passage.denseScore !== null)) {
    return (passage) => passage.denseScore ?? 0;
  }
  return undefined;
}
