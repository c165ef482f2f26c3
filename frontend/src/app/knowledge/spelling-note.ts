import type { SpellingCorrection } from '@deskpilot/contracts';

import { wordList } from '../ui/word-list';

/** How the search read misspelt words, in words: `Read “ngnix” as “nginx”.` */
export function spellingNote(corrections: readonly SpellingCorrection[]): string {
  return `Read ${wordList(corrections.map(({ typed, read }) => `“${typed}” as “${read}”`))}.`;
}
