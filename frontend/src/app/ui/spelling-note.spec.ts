import { describe, expect, it } from '@jest/globals';

import { rewriteNote, spellingNote, translationNote } from './spelling-note';

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

  it('should say that the search merged the question as asked with its translation', () => {
    expect(
      translationNote({
        language: 'english',
        query: 'How do I move a domain?',
        withQuestion: true,
      }),
    ).toBe('The search looked for the question as asked and in English: “How do I move a domain?”');
  });

  it('should say what the search looked for instead of a question in another language', () => {
    expect(
      translationNote({ language: 'english', query: 'How do I move a domain to another client?' }),
    ).toBe(
      'The search looked for the question in English: “How do I move a domain to another client?”',
    );
  });

  it('should say what the search looked for instead of a follow-up question', () => {
    expect(rewriteNote({ query: 'How do I reset a webmail password?' })).toBe(
      'The search looked for the follow-up as “How do I reset a webmail password?”',
    );
  });
});
