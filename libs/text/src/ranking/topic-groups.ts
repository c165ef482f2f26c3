import { detectLanguage } from '../tokens/language';
import { stem } from '../tokens/stemmer';
import type { TextLanguage } from '../tokens/stop-words';
import { TEXT_LANGUAGES, isStopWord } from '../tokens/stop-words';
import { tokenize } from '../tokens/word-tokenizer';

/** A text to group, such as a question, by an id of the caller's. */
export interface TopicItem {
  readonly id: string;
  readonly text: string;
}

/** Items about the same thing, and the words they have in common. */
export interface TopicGroup {
  /** In the order the items were given. */
  readonly ids: readonly string[];
  /**
   * Up to `labelTerms` words that most of the group uses, as its texts write them; none for an
   * item alone.
   */
  readonly terms: readonly string[];
}

export interface TopicGroupOptions {
  /** Two groups join while the mean cosine between their members is at least this. */
  readonly minSimilarity: number;
  /** Words in a group's label. */
  readonly labelTerms: number;
}

/**
 * 0.5: on the e-manual dev questions grouped by their gold section (`npm run eval:retrieval`
 * prints it), B-cubed F1 within 0.01 of the best threshold (0.6) with a higher recall, so that a
 * topic's count gathers more of the questions about it.
 */
export const DEFAULT_TOPIC_GROUP_OPTIONS: TopicGroupOptions = { minSimilarity: 0.5, labelTerms: 3 };

/*
 * Stems of words that open, frame or sign off a support question rather than say what it is
 * about ("Hi, I would like to know…", "Thanks in advance, regards"; "Guten Tag, ich hätte eine
 * Frage…", "Vielen Dank, freundliche Grüße"). Every ticket has some of them, so two tickets
 * sharing them are not about the same thing.
 */
const FRAMING_STEMS: Readonly<Record<TextLanguage, ReadonlySet<string>>> = {
  english: stems(`abl advanc anyon ask best dear get good hello help hey hi know like look mani
    much need pleas possibl question regard someon tell thank thing tri use want way work would`),
  german: stems(`brauch dank frag freundlich gern gruss gut hallo hilf leid moglich morg tag
    viel wiss`),
  french: stems(`aid aim besoin bonjour bonsoir cordial madam merc monsieur possibl question
    salut savoir souhait voudr`),
  spanish: stems(`ayud buen cordial dias graci gust hol necesit posibl pregunt quis sab salud`),
  italian: stems(`aiut bisogn buonaser buongiorn cia cordial domand graz possibil sal salv sap
    vorre`),
  portuguese: stems(`ajud atenc boa bom cumpriment dia gost obrig olá pergunt possível precis sab
    tard`),
  dutch: stems(`alvast bedankt dank goedemiddag goedemorg grag groet hallo hulp mogelijk nodig
    vrag vriendelijk wet`),
};

function stems(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/u));
}

interface Analysed {
  /** Stem → weight, of unit length. */
  readonly vector: ReadonlyMap<string, number>;
  /** Stem → how each of its tokens was written. */
  readonly written: ReadonlyMap<string, readonly string[]>;
}

/**
 * Groups texts by what they are about, for a list such as "questions the knowledge base could
 * not answer": the cosine of their stemmed content words (framing words such as greetings left
 * out), then average-linkage clustering that keeps joining the two closest groups while their members'
 * mean cosine reaches `minSimilarity`. Items without a content word stay alone. Groups come
 * largest first; of two the same size, the one whose first item was given first.
 */
export function groupByTopic(
  items: readonly TopicItem[],
  options: TopicGroupOptions = DEFAULT_TOPIC_GROUP_OPTIONS,
): TopicGroup[] {
  const analysed = weigh(items.map((item) => analyse(item.text)));
  const members = clusterByAverageLink(analysed, options.minSimilarity);
  return members
    .map((indexes) => ({
      indexes,
      group: {
        ids: indexes.map((index) => items[index]?.id ?? ''),
        terms: label(indexes.map((index) => analysed[index]).filter(isDefined), options.labelTerms),
      },
    }))
    .sort((a, b) => b.indexes.length - a.indexes.length || first(a.indexes) - first(b.indexes))
    .map(({ group }) => group);
}

/**
 * What texts grouped as one topic have in common, kept to recognise later texts about it: the
 * mean of their weighted word vectors, and the group's label.
 */
export interface TopicProfile {
  /** Stem → mean weight, the `MAX_PROFILE_STEMS` weightiest. */
  readonly centroid: Readonly<Record<string, number>>;
  readonly terms: readonly string[];
}

/* A long ticket thread has hundreds of stems; those past this many weigh next to nothing. */
const MAX_PROFILE_STEMS = 400;

export function topicProfile(
  texts: readonly string[],
  labelTerms = DEFAULT_TOPIC_GROUP_OPTIONS.labelTerms,
): TopicProfile {
  const analysed = weigh(texts.map(analyse));
  const sums = new Map<string, number>();
  for (const { vector } of analysed) {
    for (const [term, weight] of vector) {
      sums.set(term, (sums.get(term) ?? 0) + weight);
    }
  }
  const centroid = [...sums]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, MAX_PROFILE_STEMS)
    .map(([term, sum]): [string, number] => [term, sum / (analysed.length || 1)]);
  return { centroid: Object.fromEntries(centroid), terms: label(analysed, labelTerms) };
}

/**
 * How close a text is to a topic: its mean cosine with the topic's texts, the measure by which
 * `groupByTopic` lets an item join a group, so a text at `minSimilarity` or above is one that
 * would have been grouped with them.
 */
export function topicSimilarity(profile: TopicProfile, text: string): number {
  const [vector] = weigh([analyse(text)]);
  return dot(vector?.vector ?? new Map(), new Map(Object.entries(profile.centroid)));
}

/**
 * A text's content words, stemmed in its language. The function words of its language and of
 * English (which names products in every language) are left out; those of every language when a
 * short question does not show its language.
 */
function analyse(text: string): { counts: Map<string, number>; written: Map<string, string[]> } {
  const told = detectLanguage(text);
  const language = told ?? 'english';
  const stopLanguages: readonly TextLanguage[] =
    told === undefined ? TEXT_LANGUAGES : [...new Set([told, 'english' as const])];
  const counts = new Map<string, number>();
  const written = new Map<string, string[]>();
  for (const token of tokenize(text)) {
    if (stopLanguages.some((stops) => isStopWord(token, stops)) || /^\p{N}+$/u.test(token)) {
      continue;
    }
    const term = stem(token, language);
    if (FRAMING_STEMS[language].has(term)) {
      continue;
    }
    counts.set(term, (counts.get(term) ?? 0) + 1);
    written.set(term, [...(written.get(term) ?? []), token]);
  }
  return { counts, written };
}

/*
 * Sublinear tf, normalised, without idf: on the e-manual questions idf over the grouped items
 * themselves scored no better, and without it a pair's similarity does not depend on how many
 * other items are grouped with them, so one threshold suits a list of ten and of three hundred.
 */
function weigh(
  parts: readonly { counts: ReadonlyMap<string, number>; written: Map<string, string[]> }[],
): Analysed[] {
  return parts.map(({ counts, written }) => {
    const weights = [...counts].map(([term, tf]): [string, number] => [term, 1 + Math.log(tf)]);
    const length = Math.sqrt(weights.reduce((sum, [, weight]) => sum + weight * weight, 0));
    return {
      vector: new Map(weights.map(([term, weight]) => [term, weight / (length || 1)])),
      written,
    };
  });
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    sum += weight * (large.get(term) ?? 0);
  }
  return sum;
}

/**
 * Average linkage over a matrix of summed cosines: the sum between a merged group and any other
 * is the sum of its two parts' sums, so no vector is compared again after the first pass.
 */
function clusterByAverageLink(items: readonly Analysed[], minSimilarity: number): number[][] {
  const n = items.length;
  const sums = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const similarity = dot(items[i]?.vector ?? new Map(), items[j]?.vector ?? new Map());
      sums[i * n + j] = similarity;
      sums[j * n + i] = similarity;
    }
  }
  const members: (number[] | null)[] = items.map((_, index) => [index]);
  for (;;) {
    let best = minSimilarity;
    let pair: [number, number] | null = null;
    for (let i = 0; i < n; i += 1) {
      const a = members[i];
      if (a === null || a === undefined) {
        continue;
      }
      for (let j = i + 1; j < n; j += 1) {
        const b = members[j];
        if (b === null || b === undefined) {
          continue;
        }
        const mean = (sums[i * n + j] ?? 0) / (a.length * b.length);
        if (mean >= best) {
          best = mean;
          pair = [i, j];
        }
      }
    }
    if (pair === null) {
      break;
    }
    const [keep, gone] = pair;
    for (let k = 0; k < n; k += 1) {
      const joined = (sums[keep * n + k] ?? 0) + (sums[gone * n + k] ?? 0);
      sums[keep * n + k] = joined;
      sums[k * n + keep] = joined;
    }
    members[keep] = [...(members[keep] ?? []), ...(members[gone] ?? [])].sort((x, y) => x - y);
    members[gone] = null;
  }
  return members.filter((group): group is number[] => group !== null);
}

/**
 * The words most members share (at least half of them, and two), weightiest first, each as the
 * group writes it most often. A lone item has none: which of its words name its topic, nothing
 * else tells.
 */
function label(members: readonly Analysed[], limit: number): string[] {
  const presence = new Map<string, { members: number; weight: number }>();
  for (const { vector } of members) {
    for (const [term, weight] of vector) {
      const seen = presence.get(term) ?? { members: 0, weight: 0 };
      presence.set(term, { members: seen.members + 1, weight: seen.weight + weight });
    }
  }
  return [...presence]
    .filter(([, seen]) => seen.members >= 2 && seen.members * 2 >= members.length)
    .sort(([a, x], [b, y]) => y.members - x.members || y.weight - x.weight || a.localeCompare(b))
    .slice(0, limit)
    .map(([term]) => mostWritten(members.flatMap((member) => member.written.get(term) ?? [])));
}

function mostWritten(tokens: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? '';
}

function first(indexes: readonly number[]): number {
  return indexes[0] ?? 0;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
