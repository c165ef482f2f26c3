import { DEFAULT_TOPIC_GROUP_OPTIONS, groupByTopic } from '@deskpilot/text';

import type { EvalDataset } from '../dataset/emanual-dataset';
import type { GroupingScore } from '../metrics/grouping-metrics';
import { bcubed } from '../metrics/grouping-metrics';

/** Grouping scored at one similarity threshold. */
export interface GroupingRun {
  readonly minSimilarity: number;
  readonly groups: number;
  readonly score: GroupingScore;
}

/** Thresholds printed around the default. */
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7];

/**
 * How the grouping of unanswered questions (`groupByTopic`, the knowledge gaps of the analytics)
 * would group the dev questions, against the truth that two questions belong together when they
 * have the same gold section; `singletons` is every question alone, the grouping that never errs
 * by joining.
 */
export function evaluateQuestionGrouping(dataset: EvalDataset): {
  readonly singletons: GroupingScore;
  readonly runs: readonly GroupingRun[];
} {
  const goldOf = (id: string): string => [...(dataset.qrels.get(id)?.keys() ?? [])][0] ?? id;
  const items = dataset.queries.map((query) => ({ id: query.id, text: query.text }));
  const thresholds = [...new Set([...THRESHOLDS, DEFAULT_TOPIC_GROUP_OPTIONS.minSimilarity])];
  return {
    singletons: bcubed(
      items.map((item) => [item.id]),
      goldOf,
    ),
    runs: thresholds
      .sort((a, b) => a - b)
      .map((minSimilarity) => {
        const groups = groupByTopic(items, { ...DEFAULT_TOPIC_GROUP_OPTIONS, minSimilarity });
        return {
          minSimilarity,
          groups: groups.length,
          score: bcubed(
            groups.map((group) => group.ids),
            goldOf,
          ),
        };
      }),
  };
}
