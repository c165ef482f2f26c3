/** B-cubed precision, recall and their F1, averaged over the grouped items. */
export interface GroupingScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * How well `groups` (each a list of item ids, every item in exactly one) match the true classes
 * `classOf` gives: for each item, the share of its group in its class (precision) and of its
 * class in its group (recall), averaged over the items (Bagga and Baldwin's B-cubed).
 */
export function bcubed(
  groups: readonly (readonly string[])[],
  classOf: (id: string) => string,
): GroupingScore {
  const classSizes = new Map<string, number>();
  for (const id of groups.flat()) {
    classSizes.set(classOf(id), (classSizes.get(classOf(id)) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  let items = 0;
  for (const group of groups) {
    const inGroup = new Map<string, number>();
    for (const id of group) {
      inGroup.set(classOf(id), (inGroup.get(classOf(id)) ?? 0) + 1);
    }
    for (const id of group) {
      const together = inGroup.get(classOf(id)) ?? 0;
      precision += together / group.length;
      recall += together / (classSizes.get(classOf(id)) ?? 1);
      items += 1;
    }
  }
  if (items === 0) {
    return { precision: 0, recall: 0, f1: 0 };
  }
  precision /= items;
  recall /= items;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
