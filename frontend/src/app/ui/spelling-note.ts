import type { SpellingCorrection } from '@deskpilot/contracts';

import { wordList } from './word-list';

/**
 * How the knowledge base search read misspelt words, in words: `The search read “ngnix” as
 * “nginx”.` (the passages were found for the words as read).
 */
export function spellingNote(corrections: readonly SpellingCorrection[]): string {
  return `The search read ${wordList(corrections.map(({ typed, read }) => `“${typed}” as “${read}”`))}.`;
}
