import { stem } from './stemmer';
import type { TextLanguage } from './stop-words';
import { isStopWord } from './stop-words';
import { tokenize } from './word-tokenizer';

/**
 * The index terms of a text in `language`, in order: tokens without that language's stop words,
 * stemmed, so that `configuring` and `configured` meet at `configur` (and `Rechnungen` and
 * `Rechnung` at `rechnung`).
 */
export function searchTerms(text: string, language: TextLanguage = 'english'): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!isStopWord(token, language)) {
      terms.push(stem(token, language));
    }
  }
  return terms;
}
