/** An answer's confidence and whether the answer was right. */
export interface JudgedConfidence {
  readonly confidence: number;
  readonly right: boolean;
}

/**
 * Area under the ROC curve: the chance that a right answer, drawn at random, has a higher
 * confidence than a wrong one (equal confidences count half). 0.5 is a confidence that tells
 * nothing; undefined when there are no right or no wrong answers.
 */
export function rocAuc(judged: readonly JudgedConfidence[]): number | undefined {
  const sorted = [...judged].sort((a, b) => a.confidence - b.confidence);
  const positives = sorted.filter((item) => item.right).length;
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) {
    return undefined;
  }
  let rankSum = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end < sorted.length && sorted[end]?.confidence === sorted[start]?.confidence) {
      end += 1;
    }
    // Tied confidences share the mean of their ranks (1-based).
    const rank = (start + 1 + end) / 2;
    rankSum += rank * sorted.slice(start, end).filter((item) => item.right).length;
    start = end;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** For each band (lowest bound first), how many answers it holds and the share of them right. */
export function bandAccuracy(
  judged: readonly JudgedConfidence[],
  lowerBounds: readonly number[],
): { from: number; answers: number; right: number }[] {
  const bounds = [...lowerBounds].sort((a, b) => a - b);
  return bounds.map((from, i) => {
    const to = bounds[i + 1] ?? Number.POSITIVE_INFINITY;
    const inBand = judged.filter((item) => item.confidence >= from && item.confidence < to);
    const right = inBand.filter((item) => item.right).length;
    return { from, answers: inBand.length, right: inBand.length === 0 ? 0 : right / inBand.length };
  });
}
