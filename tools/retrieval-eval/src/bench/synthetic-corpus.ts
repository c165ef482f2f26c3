/** A small seeded PRNG (mulberry32), so every run generates the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'st',
  'tr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];

export interface SyntheticChunk {
  readonly documentIndex: number;
  readonly title: string;
  readonly headings: string[];
  readonly text: string;
}

/**
 * Text with the statistics of a knowledge base, cheaply: pronounceable words drawn from a
 * Zipf-distributed vocabulary, each document mixing in its own topic words so that chunks of a
 * document resemble each other.
 */
export class SyntheticCorpus {
  private readonly random: () => number;
  private readonly vocabulary: string[];
  private readonly cumulative: Float64Array;

  constructor(seed = 7, vocabularySize = 30_000) {
    this.random = seededRandom(seed);
    const words = new Set<string>();
    while (words.size < vocabularySize) {
      const syllables = 2 + Math.floor(this.random() * 3);
      let word = '';
      for (let i = 0; i < syllables; i += 1) {
        word += this.pick(ONSETS) + this.pick(VOWELS);
      }
      words.add(word);
    }
    this.vocabulary = [...words];
    this.cumulative = new Float64Array(vocabularySize);
    let total = 0;
    for (let rank = 0; rank < vocabularySize; rank += 1) {
      total += 1 / (rank + 1);
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < vocabularySize; rank += 1) {
      this.cumulative[rank] = (this.cumulative[rank] ?? 0) / total;
    }
  }

  /** `count` chunks, `chunksPerDocument` per document. */
  *chunks(count: number, chunksPerDocument: number): Generator<SyntheticChunk> {
    let topic: string[] = [];
    let title = '';
    for (let i = 0; i < count; i += 1) {
      const documentIndex = Math.floor(i / chunksPerDocument);
      if (i % chunksPerDocument === 0) {
        topic = Array.from({ length: 25 }, () => this.vocabulary[200 + this.index(5_000)] ?? '');
        title = topic.slice(0, 4).join(' ');
      }
      const length = 60 + Math.floor(this.random() * 50);
      const words = Array.from({ length }, () =>
        this.random() < 0.3 ? this.pick(topic) : this.zipfWord(),
      );
      yield {
        documentIndex,
        title,
        headings: [`${this.pick(topic)} ${this.pick(topic)}`],
        text: sentences(words),
      };
    }
  }

  /** A question-like query: a few words of a chunk plus a couple of frequent words. */
  queryFor(chunk: SyntheticChunk): string {
    const words = chunk.text.toLowerCase().replace(/[.]/gu, '').split(' ');
    const picked = Array.from({ length: 3 + this.index(3) }, () => this.pick(words));
    return `how do I ${picked.join(' ')} ${this.zipfWord()}`;
  }

  private zipfWord(): string {
    const u = this.random();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] ?? 1) < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return this.vocabulary[low] ?? '';
  }

  private index(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.index(items.length)] as T;
  }
}

function sentences(words: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < words.length; i += 12) {
    const sentence = words.slice(i, i + 12).join(' ');
    parts.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
  }
  return parts.join(' ');
}

/**
 * The query as typed in a hurry: in its longest word, the first two neighbouring letters that
 * differ after the first letter are swapped ("record" → "rceord").
 */
export function misspell(query: string): string {
  const words = query.split(' ');
  const longest = words.reduce(
    (best, word, i) => (word.length > (words[best] ?? '').length ? i : best),
    0,
  );
  const word = words[longest] ?? '';
  for (let i = 1; i + 1 < word.length; i += 1) {
    if (word[i] !== word[i + 1]) {
      words[longest] =
        `${word.slice(0, i)}${word[i + 1] ?? ''}${word[i] ?? ''}${word.slice(i + 2)}`;
      break;
    }
  }
  return words.join(' ');
}
