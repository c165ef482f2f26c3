import type { TextLanguage } from '@deskpilot/text';
import { detectLanguage } from '@deskpilot/text';

/**
 * The language to read a query in: the one its function words show ("Wo finde ich meine
 * Rechnung?"), else the one whose reading the knowledge base knows more lexemes of, so a few
 * German keywords find German articles; English when neither says more.
 */
export function queryLanguage(
  query: string,
  readings: ReadonlyMap<TextLanguage, readonly { readonly lexeme: string }[]>,
  isKnown: (lexeme: string) => boolean,
): TextLanguage {
  const told = detectLanguage(query);
  if (told !== undefined) {
    return told;
  }
  const known = (language: TextLanguage): number =>
    (readings.get(language) ?? []).filter((word) => isKnown(word.lexeme)).length;
  return known('german') > known('english') ? 'german' : 'english';
}
