import { editRatio } from './edit-ratio';

describe(editRatio.name, () => {
  it('should be 0 when the text was sent as drafted, whitespace aside', () => {
    expect(editRatio('Hello  there\nDaniel', 'Hello there Daniel')).toBe(0);
  });

  it('should be the share of words changed', () => {
    expect(editRatio('one two three four', 'one two 3 four')).toBe(0.25);
  });

  it('should be 1 when everything was rewritten', () => {
    expect(editRatio('a b', 'c d e f')).toBe(1);
  });
});
