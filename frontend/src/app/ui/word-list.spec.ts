import { describe, expect, it } from '@jest/globals';

import { wordList } from './word-list';

describe(wordList.name, () => {
  it('should join items as a sentence lists them', () => {
    expect(wordList([])).toBe('');
    expect(wordList(['a password'])).toBe('a password');
    expect(wordList(['a password', 'a key'])).toBe('a password and a key');
    expect(wordList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
