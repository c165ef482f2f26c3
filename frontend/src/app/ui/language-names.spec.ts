import { describe, expect, it } from '@jest/globals';

import {
  SEARCH_LANGUAGES,
  crossLanguageNote,
  languageName,
  languageNames,
  readingNote,
} from './language-names';

/** A knowledge base mostly in English, a fifth of it in German. */
const ENGLISH_AND_GERMAN = [
  { language: 'english', chunks: 80 },
  { language: 'german', chunks: 20 },
] as const;

describe('language names', () => {
  it('should name the languages a document is searched in as a sentence lists them', () => {
    expect(languageNames(['german'])).toBe('German');
    expect(languageNames(['english', 'french', 'dutch'])).toBe('English, French and Dutch');
  });

  it('should list every language search reads, English first, each with its name', () => {
    expect(SEARCH_LANGUAGES.map(languageName)).toEqual([
      'English',
      'German',
      'French',
      'Spanish',
      'Italian',
      'Portuguese',
      'Dutch',
    ]);
  });

  it('should say which language a query was read in unless it was English', () => {
    expect(readingNote('spanish')).toBe(
      'Read as Spanish: words match in their other Spanish forms.',
    );
    expect(readingNote('english')).toBeUndefined();
    expect(readingNote(undefined)).toBeUndefined();
    expect(readingNote('german', [{ language: 'german', chunks: 100 }])).toBe(
      'Read as German: words match in their other German forms.',
    );
    expect(
      readingNote('german', [
        { language: 'german', chunks: 95 },
        { language: 'english', chunks: 5 },
      ]),
    ).toBe('Read as German: words match in their other German forms.');
  });

  it('should say that answers search for a translation of a query in no document language', () => {
    expect(readingNote('french', ENGLISH_AND_GERMAN)).toBe(
      'Read as French, which no document is written in: chat and ticket drafts search for its ' +
        'English translation when a model is configured.',
    );
    expect(readingNote('english', [{ language: 'german', chunks: 3 }])).toBe(
      'Read as English, which no document is written in: chat and ticket drafts search for its ' +
        'German translation when a model is configured.',
    );
  });

  it('should say that answers search a translation besides in a knowledge base of two languages', () => {
    expect(readingNote('german', ENGLISH_AND_GERMAN)).toBe(
      'Read as German: words match in their other German forms. Some documents are in English: ' +
        'chat and ticket drafts also search for its English translation when a model is configured.',
    );
    expect(readingNote('english', ENGLISH_AND_GERMAN)).toBe(
      'Read as English; chat and ticket drafts also search for its German translation when a ' +
        'model is configured.',
    );
  });

  it('should say how an answer written from sources in another language was checked', () => {
    expect(crossLanguageNote({ answer: 'german', passages: ['english'] })).toBe(
      'Written in German from English sources: checked only by the numbers, addresses and ' +
        'names it states.',
    );
    expect(crossLanguageNote({ answer: 'dutch', passages: ['english', 'german'] })).toBe(
      'Written in Dutch from English and German sources: checked only by the numbers, ' +
        'addresses and names it states.',
    );
    expect(crossLanguageNote(undefined)).toBeUndefined();
  });
});
