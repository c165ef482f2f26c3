import { stem } from './porter-stemmer';
import { isStopWord } from './stop-words';
import { tokenize } from './word-tokenizer';

/**
 * The index terms of a text, in order: tokens without stop words, stemmed, so that
 * `configuring` and `configured` meet at `configur`.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (!isStopWord(token)) {
      terms.push(stem(token));
    }
  }
  return terms;
}
