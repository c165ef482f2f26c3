import { isStopWord, stem, tokenize } from '@deskpilot/text';

/** A feature of a text with its (possibly fractional) count and the stems it comes from. */
export interface Feature {
  count: number;
  /** The stemmed words behind the feature: one for words and character n-grams, two for pairs. */
  readonly stems: readonly string[];
}

/** Feature groups of a text, keyed by feature. */
export interface TextFeatures {
  /** Stemmed content words. */
  readonly words: Map<string, Feature>;
  /** Pairs of adjacent stemmed content words (stop words between them are skipped). */
  readonly pairs: Map<string, Feature>;
  /**
   * Character n-grams of each content word, with `<` `>` marking the word boundaries; each word's
   * n-grams add up to one occurrence, so long words do not outweigh short ones.
   */
  readonly grams: Map<string, Feature>;
  /** Number of content words, each counted with its field weight. */
  length: number;
}

export function emptyFeatures(): TextFeatures {
  return { words: new Map(), pairs: new Map(), grams: new Map(), length: 0 };
}

/** The stemmed content words of `text`, in order. */
export function contentStems(text: string): { token: string; stem: string }[] {
  return tokenize(text)
    .filter((token) => !isStopWord(token))
    .map((token) => ({ token, stem: stem(token) }));
}

/**
 * Adds the features of one field of a text (title, a heading, the body) to `features`, each
 * occurrence counting `weight`. Pairs never span two fields.
 */
export function addFieldFeatures(
  features: TextFeatures,
  text: string,
  weight: number,
  gramLength: number,
): void {
  let previous: string | undefined;
  for (const { token, stem: term } of contentStems(text)) {
    add(features.words, term, weight, [term]);
    if (previous !== undefined) {
      add(features.pairs, `${previous} ${term}`, weight, [previous, term]);
    }
    previous = term;
    const marked = `<${token}>`;
    const grams = Math.max(marked.length - gramLength + 1, 1);
    for (let i = 0; i < grams; i += 1) {
      add(features.grams, marked.slice(i, i + gramLength), weight / grams, [term]);
    }
    features.length += weight;
  }
}

function add(map: Map<string, Feature>, key: string, weight: number, stems: string[]): void {
  const feature = map.get(key);
  if (feature === undefined) {
    map.set(key, { count: weight, stems });
  } else {
    feature.count += weight;
  }
}
