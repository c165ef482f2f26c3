import type { TextLanguage } from '@deskpilot/text';
import { TEXT_LANGUAGES } from '@deskpilot/text';

/**
 * The language to read a query in when its function words do not show one (a few keywords): the
 * one whose reading the knowledge base knows most lexemes of, so "Rechnung Kundenbereich" finds
 * German articles; of languages that read it alike, the first of `TEXT_LANGUAGES` (English first).
 */
export function likelierReading(
  readings: ReadonlyMap<TextLanguage, readonly { readonly lexeme: string }[]>,
  isKnown: (lexeme: string) => boolean,
): TextLanguage {
  let likeliest: TextLanguage = 'english';
  let mostKnown = -1;
  for (const language of TEXT_LANGUAGES) {
    const known = (readings.get(language) ?? []).filter((word) => isKnown(word.lexeme)).length;
    if (known > mostKnown) {
      likeliest = language;
      mostKnown = known;
    }
  }
  return likeliest;
}
