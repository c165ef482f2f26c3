import { stem, tokenize } from '@deskpilot/text';

/*
 * Words are corrected only into words of letters (and hyphens): a port, an error code, a
 * version or a host name that the knowledge base lacks is not a typo of one it has.
 */
const CORRECTION = /^\p{L}[\p{L}-]*$/u;
/** Words shorter than this are not corrected: too many other words lie one edit away. */
const MIN_LENGTH = 4;
/* From this length on, two edits are tolerated. */
const TWO_EDITS_FROM = 8;

/** How many edits a misspelling of a word this long may be from the word meant. */
export function toleratedEdits(length: number): number {
  return length < MIN_LENGTH ? 0 : length < TWO_EDITS_FROM ? 1 : 2;
}

/* Three rows of the distance table, reused between calls (grown as needed). */
let rows: [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(32),
  new Int32Array(32),
  new Int32Array(32),
];

/**
 * The edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of
 * adjacent letters, each one edit), or `max + 1` as soon as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  if (rows[0].length <= b.length) {
    const length = b.length * 2;
    rows = [new Int32Array(length), new Int32Array(length), new Int32Array(length)];
  }
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j += 1) {
    previous[j] = j;
  }
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let distance = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        distance = Math.min(distance, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = distance;
      rowMinimum = Math.min(rowMinimum, distance);
    }
    if (rowMinimum > max) {
      return max + 1;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length] as number, max + 1);
}

/**
 * The characters a word contains, one bit each (letters have their own, other characters share
 * six): an edit changes at most two bits, so words whose sets differ in more than twice the
 * tolerated edits need no distance computed.
 */
function characterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    set |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return set;
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The words of a vocabulary by length, to find the one a misspelt word most likely meant: the
 * closest within the tolerated edits, and among equally close ones the most frequent.
 */
export class SpellingIndex {
  private readonly byLength: { words: string[]; sets: number[] }[] = [];

  add(word: string): void {
    if (!CORRECTION.test(word)) {
      return;
    }
    const bucket = (this.byLength[word.length] ??= { words: [], sets: [] });
    bucket.words.push(word);
    bucket.sets.push(characterSet(word));
  }

  /** `frequency` tells how often a word occurs now; words that no longer occur are skipped. */
  correct(word: string, frequency: (word: string) => number): string | undefined {
    const max = toleratedEdits(word.length);
    if (max === 0) {
      return undefined;
    }
    const set = characterSet(word);
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (let length = word.length - max; length <= word.length + max; length += 1) {
      const { words, sets } = this.byLength[length] ?? { words: [], sets: [] };
      for (let i = 0; i < words.length; i += 1) {
        if (bitCount(set ^ (sets[i] as number)) > 2 * max) {
          continue;
        }
        const candidate = words[i] as string;
        const distance = editDistance(word, candidate, best?.distance ?? max);
        if (distance > max || (best !== undefined && distance > best.distance)) {
          continue;
        }
        const count = frequency(candidate);
        if (
          count > 0 &&
          (best === undefined || distance < best.distance || count > best.frequency)
        ) {
          best = { word: candidate, distance, frequency: count };
        }
      }
    }
    return best?.word;
  }
}

/** The words of a text by their lexeme, as written. */
export function wordsByLexeme(text: string): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const token of tokenize(text)) {
    const lexeme = stem(token);
    words.set(lexeme, [...(words.get(lexeme) ?? []), token]);
  }
  return words;
}

/**
 * A word of `texts` that `lexeme` stands for (the first whose stem it is), to show a lexeme as
 * a word; the lexeme itself when none is.
 */
export function wordOf(lexeme: string, texts: readonly string[]): string {
  for (const text of texts) {
    const word = tokenize(text).find((token) => stem(token) === lexeme);
    if (word !== undefined) {
      return word;
    }
  }
  return lexeme;
}
