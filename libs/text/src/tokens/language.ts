import type { TextLanguage } from './stop-words';
import { TEXT_LANGUAGES, stopWords } from './stop-words';
import { tokenize } from './word-tokenizer';

/**
 * Evidence a text needs, at least, before its language is told. A function word of one language
 * alone counts 1 for it, one that k languages share 1/k for each: one word of its own and one it
 * shares with one other language are enough.
 */
const MIN_EVIDENCE = 1.5;
/*
 * Longer texts are told by their opening, a few thousand words: a knowledge base article does
 * not change language.
 */
const MAX_CHARACTERS = 20_000;

/**
 * The languages each function word belongs to. Words that several languages write alike ("in",
 * "de", "la", "die") are shared evidence: each of them counts for each of its languages by
 * its share.
 */
const LANGUAGES_OF: ReadonlyMap<string, readonly TextLanguage[]> = (() => {
  const languages = new Map<string, TextLanguage[]>();
  for (const language of TEXT_LANGUAGES) {
    for (const token of stopWords(language)) {
      languages.set(token, [...(languages.get(token) ?? []), language]);
    }
  }
  return languages;
})();

/**
 * The language of `text` told from its function words: the one with at least twice the evidence
 * of any other, and enough of it (`MIN_EVIDENCE`); `undefined` when the text does not say (a
 * few keywords, a product name, an even mix).
 */
export function detectLanguage(text: string): TextLanguage | undefined {
  const evidence = new Map<TextLanguage, number>();
  for (const token of tokenize(text.slice(0, MAX_CHARACTERS))) {
    const languages = LANGUAGES_OF.get(token) ?? [];
    for (const language of languages) {
      evidence.set(language, (evidence.get(language) ?? 0) + 1 / languages.length);
    }
  }
  const [first, second] = [...evidence].sort((a, b) => b[1] - a[1]);
  if (first === undefined || first[1] < MIN_EVIDENCE) {
    return undefined;
  }
  return first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : undefined;
}
