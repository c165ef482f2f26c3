import { decodeEntities, numeric, text, unwrapList } from './whmcs-values';

describe('whmcs values', () => {
  describe(unwrapList.name, () => {
    const ticket = { id: '1' };

    it.each([
      ['a missing wrapper', undefined],
      ['null', null],
      ['an empty string', ''],
      ['an empty array', []],
      ['an empty object', {}],
      ['an array holding an empty array', [[]]],
      ['a wrapper with an empty item list', { ticket: [] }],
    ])('should give no items for %s', (_label, value) => {
      expect(unwrapList(value, 'ticket')).toEqual([]);
    });

    it.each([
      ['a wrapped array', { ticket: [ticket] }],
      ['a wrapped single object', { ticket }],
      ['a bare array', [ticket]],
      ['a numerically keyed object', { '0': ticket }],
      ['a wrapped numerically keyed object', { ticket: { '0': ticket } }],
    ])('should give the items of %s', (_label, value) => {
      expect(unwrapList(value, 'ticket')).toEqual([ticket]);
    });
  });

  describe('numeric', () => {
    it.each([
      ['1', 1],
      [' 42 ', 42],
      [7, 7],
      ['x', 0],
    ])('should read %j as %d', (value, expected) => {
      expect(numeric.parse(value)).toBe(expected);
    });
  });

  describe('text', () => {
    it('should turn missing and null into an empty string and numbers into text', () => {
      expect(text.parse(undefined)).toBe('');
      expect(text.parse(null)).toBe('');
      expect(text.parse(12)).toBe('12');
    });
  });

  describe(decodeEntities.name, () => {
    it('should decode what htmlspecialchars encoded, once', () => {
      expect(decodeEntities('I can&#039;t &quot;log in&quot; &amp;amp; &lt;b&gt;')).toBe(
        'I can\'t "log in" &amp; <b>',
      );
    });
  });
});
