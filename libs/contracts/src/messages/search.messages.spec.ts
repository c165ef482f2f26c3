import { describe, expect, it } from '@jest/globals';

import { searchTranslationTarget } from './search.messages';

describe('searchTranslationTarget', () => {
  it('should translate a question in a language no document is written in into the main one', () => {
    expect(
      searchTranslationTarget('french', [
        { language: 'english', chunks: 900 },
        { language: 'german', chunks: 100 },
      ]),
    ).toEqual({ language: 'english', withQuestion: false });
  });

  it('should search a question in the other language of a mixed knowledge base as well', () => {
    expect(
      searchTranslationTarget('german', [
        { language: 'german', chunks: 600 },
        { language: 'english', chunks: 400 },
      ]),
    ).toEqual({ language: 'english', withQuestion: true });
    expect(
      searchTranslationTarget('german', [
        { language: 'english', chunks: 800 },
        { language: 'german', chunks: 200 },
      ]),
    ).toEqual({ language: 'english', withQuestion: true });
  });

  it('should pick the other language with most chunks of several', () => {
    expect(
      searchTranslationTarget('french', [
        { language: 'english', chunks: 500 },
        { language: 'german', chunks: 300 },
        { language: 'french', chunks: 200 },
      ]),
    ).toEqual({ language: 'english', withQuestion: true });
  });

  it('should not translate for a few documents in another language', () => {
    expect(
      searchTranslationTarget('english', [
        { language: 'english', chunks: 910 },
        { language: 'german', chunks: 90 },
      ]),
    ).toBeUndefined();
    expect(
      searchTranslationTarget('english', [
        { language: 'english', chunks: 900 },
        { language: 'german', chunks: 100 },
      ]),
    ).toEqual({ language: 'german', withQuestion: true });
  });

  it('should not translate a question in the only language, in no language, or for no index', () => {
    expect(
      searchTranslationTarget('english', [{ language: 'english', chunks: 10 }]),
    ).toBeUndefined();
    expect(
      searchTranslationTarget(undefined, [{ language: 'english', chunks: 10 }]),
    ).toBeUndefined();
    expect(searchTranslationTarget('german', [])).toBeUndefined();
  });
});
