import type { TextLanguage } from '@deskpilot/text';

/**
 * The language to read a query in when its function words do not show one (a few keywords): the
 * one whose reading the knowledge base knows more lexemes of, so "Rechnung Kundenbereich" finds
 * German articles; English when German is known no better.
 */
export function likelierReading(
  readings: ReadonlyMap<TextLanguage, readonly { readonly lexeme: string }[]>,
  isKnown: (lexeme: string) => boolean,
): TextLanguage {
  const known = (language: TextLanguage): number =>
    (readings.get(language) ?? []).filter((word) => isKnown(word.lexeme)).length;
  return known('german') > known('english') ? 'german' : 'english';
}
