import type { TextLanguage } from './stop-words';
import { ENGLISH_STOP_WORDS, GERMAN_STOP_WORDS } from './stop-words';
import { tokenize } from './word-tokenizer';

/** Function words a text needs, at least, before its language is told from them. */
const MIN_EVIDENCE = 2;
/* Longer texts are told by their opening: a knowledge base article does not change language. */
const MAX_TOKENS = 2_000;

/**
 * The language of `text` told from its function words: the one with at least twice as many as
 * the other, and at least two of them (words both languages write alike, such as "in", "an" or
 * "was", count for neither); `undefined` when the text does not say (a few keywords,
 * a product name, an even mix).
 */
export function detectLanguage(text: string): TextLanguage | undefined {
  let english = 0;
  let german = 0;
  for (const token of tokenize(text).slice(0, MAX_TOKENS)) {
    const inEnglish = ENGLISH_STOP_WORDS.has(token);
    const inGerman = GERMAN_STOP_WORDS.has(token);
    if (inEnglish && !inGerman) {
      english += 1;
    } else if (inGerman && !inEnglish) {
      german += 1;
    }
  }
  if (Math.max(english, german) < MIN_EVIDENCE) {
    return undefined;
  }
  if (german >= 2 * english) {
    return 'german';
  }
  return english >= 2 * german ? 'english' : undefined;
}
