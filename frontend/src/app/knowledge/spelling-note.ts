import type { SpellingCorrection } from '@deskpilot/contracts';

/** How the search read misspelt words, in words: `Read “ngnix” as “nginx”.` */
export function spellingNote(corrections: readonly SpellingCorrection[]): string {
  const pairs = corrections.map(({ typed, read }) => `“${typed}” as “${read}”`);
  const listed =
    pairs.length > 1 ? `${pairs.slice(0, -1).join(', ')} and ${pairs.at(-1) ?? ''}` : pairs[0];
  return `Read ${listed ?? ''}.`;
}
