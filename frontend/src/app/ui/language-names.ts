import type { DraftFlags, SearchLanguage } from '@deskpilot/contracts';

import { wordList } from './word-list';

const LANGUAGE_NAMES: Readonly<Record<SearchLanguage, string>> = {
  english: 'English',
  german: 'German',
  french: 'French',
  spanish: 'Spanish',
  italian: 'Italian',
  portuguese: 'Portuguese',
  dutch: 'Dutch',
};

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
 * What a search that read its query in `language` tells the person who ran it; nothing for
 * English, the reading every query had before search knew other languages.
 */
export function readingNote(language: SearchLanguage | undefined): string | undefined {
  if (language === undefined || language === 'english') {
    return undefined;
  }
  const name = LANGUAGE_NAMES[language];
  return `Read as ${name}: words match in their other ${name} forms.`;
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
