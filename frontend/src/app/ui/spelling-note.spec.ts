import { describe, expect, it } from '@jest/globals';

import { spellingNote } from './spelling-note';

describe(spellingNote.name, () => {
  it('should say how each misspelt word was read', () => {
    expect(spellingNote([{ typed: 'ngnix', read: 'nginx' }])).toBe(
      'The search read “ngnix” as “nginx”.',
    );
    expect(
      spellingNote([
        { typed: 'serch', read: 'search' },
        { typed: 'acoount', read: 'account' },
        { typed: 'certficate', read: 'certificate' },
      ]),
    ).toBe(
      'The search read “serch” as “search”, “acoount” as “account” and “certficate” as “certificate”.',
    );
  });
});
