import type { TextLanguage } from '@deskpilot/text';

/**
 * The language to read a query in when its function words do not show one (a few keywords): of
 * the `readings` made (in the languages the knowledge base is written in), the one whose lexemes
 * the knowledge base knows most of, so "Rechnung Kundenbereich" finds German articles; of two
 * that match alike, the one read first. English when there is no reading.
 */
export function likelierReading(
  readings: ReadonlyMap<TextLanguage, readonly { readonly lexeme: string }[]>,
  isKnown: (lexeme: string) => boolean,
): TextLanguage {
  let likeliest: TextLanguage = 'english';
  let mostKnown = -1;
  for (const [language, words] of readings) {
    const known = words.filter((word) => isKnown(word.lexeme)).length;
    if (known > mostKnown) {
      likeliest = language;
      mostKnown = known;
    }
  }
  return likeliest;
}
