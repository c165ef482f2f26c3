import type { DraftFlags, SpellingCorrection } from '@deskpilot/contracts';

import { languageName } from './language-names';
import { wordList } from './word-list';

/**
 * How the knowledge base search read misspelt words, in words: `The search read “ngnix” as
 * “nginx”.` (the passages were found for the words as read).
 */
export function spellingNote(corrections: readonly SpellingCorrection[]): string {
  return `The search read ${wordList(corrections.map(({ typed, read }) => `“${typed}” as “${read}”`))}.`;
}

/**
 * What the search looked for instead of a question in a language no document is written in:
 * `The search looked for the question in English: “How do I move a domain?”`.
 */
export function translationNote(translation: NonNullable<DraftFlags['searchTranslation']>): string {
  return `The search looked for the question in ${languageName(translation.language)}: “${translation.query}”`;
}
