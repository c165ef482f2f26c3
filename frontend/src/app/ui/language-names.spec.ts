import { describe, expect, it } from '@jest/globals';

import { SEARCH_LANGUAGES, languageName, languageNames, readingNote } from './language-names';

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
  });
});
