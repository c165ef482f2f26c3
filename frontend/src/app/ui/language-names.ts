import type { DraftFlags, IndexLanguage, SearchLanguage } from '@deskpilot/contracts';
import {
  SEARCH_LANGUAGE_NAMES as LANGUAGE_NAMES,
  searchTranslationTarget,
} from '@deskpilot/contracts';

import { wordList } from './word-list';

/** Every language search reads, in the order the console lists them. */
export const SEARCH_LANGUAGES = Object.keys(LANGUAGE_NAMES) as SearchLanguage[];

/** The language's English name: "German". */
export function languageName(language: SearchLanguage): string {
  return LANGUAGE_NAMES[language];
}

/** The languages as a sentence names them: "English and German". */
export function languageNames(languages: readonly SearchLanguage[]): string {
  return wordList(languages.map((language) => LANGUAGE_NAMES[language]));
}

/**
 * What a search that read its query in `language` tells the person who ran it: that words match
 * in their other forms (nothing for English, the reading every query had before search knew
 * other languages), and whether answers search a translation besides or instead, by the
 * knowledge base's languages (`indexLanguages`, see `searchTranslationTarget`).
 */
export function readingNote(
  language: SearchLanguage | undefined,
  indexLanguages: readonly IndexLanguage[] = [],
): string | undefined {
  if (language === undefined) {
    return undefined;
  }
  const name = LANGUAGE_NAMES[language];
  const target = searchTranslationTarget(language, indexLanguages);
  if (target !== undefined && !target.withQuestion) {
    return (
      `Read as ${name}, which no document is written in: chat and ticket drafts search for ` +
      `its ${LANGUAGE_NAMES[target.language]} translation when a model is configured.`
    );
  }
  const reading =
    language === 'english'
      ? undefined
      : `Read as ${name}: words match in their other ${name} forms.`;
  if (target === undefined) {
    return reading;
  }
  const also =
    `chat and ticket drafts also search for its ${LANGUAGE_NAMES[target.language]} ` +
    'translation when a model is configured.';
  return reading === undefined
    ? `Read as ${name}; ${also}`
    : `${reading} Some documents are in ${LANGUAGE_NAMES[target.language]}: ${also}`;
}

/**
 * How far an answer whose sentences cite sources in another language could be checked; nothing
 * when they cite sources in its own.
 */
export function crossLanguageNote(across: DraftFlags['crossLanguage']): string | undefined {
  if (across === undefined) {
    return undefined;
  }
  const sources = languageNames(across.passages);
  return (
    `Written in ${languageName(across.answer)} from ${sources} sources: ` +
    'checked only by the numbers, addresses and names it states.'
  );
}
