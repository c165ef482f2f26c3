import {
  buildLexicalQuery,
  inverseDocumentFrequency,
  withoutQuestionFraming,
} from './lexical-query';

describe(buildLexicalQuery.name, () => {
  const lexemes = [
    { lexeme: 'record', positions: [4], documentFrequency: 50 },
    { lexeme: 'edit', positions: [1], documentFrequency: 5 },
    { lexeme: 'time', positions: [5], documentFrequency: 100 },
  ];

  it('should weight each lexeme by its inverse document frequency when building units', () => {
    const query = buildLexicalQuery(lexemes, 1_000);

    expect(query?.units.slice(0, 3)).toEqual([
      { kind: 'lexeme', lexeme: 'edit', weight: inverseDocumentFrequency(5, 1_000) },
      { kind: 'lexeme', lexeme: 'record', weight: inverseDocumentFrequency(50, 1_000) },
      { kind: 'lexeme', lexeme: 'time', weight: inverseDocumentFrequency(100, 1_000) },
    ]);
  });

  it('should add near-adjacent pairs in query order weighted by the rarer lexeme', () => {
    const query = buildLexicalQuery(lexemes, 1_000);

    expect(query?.units.slice(3)).toEqual([
      {
        kind: 'pair',
        first: 'edit',
        second: 'record',
        weight: inverseDocumentFrequency(5, 1_000),
      },
      {
        kind: 'pair',
        first: 'record',
        second: 'time',
        weight: inverseDocumentFrequency(50, 1_000),
      },
    ]);
    expect(query?.match).toEqual(['edit', 'record', 'time']);
  });

  it('should match only the rarest lexemes when the common ones would exceed the budget', () => {
    expect(buildLexicalQuery(lexemes, 1_000, 60)?.match).toEqual(['edit', 'record']);
    expect(buildLexicalQuery(lexemes, 1_000, 1)?.match).toEqual(['edit']);
  });

  it('should return nothing when the query has no lexemes', () => {
    expect(buildLexicalQuery([], 10)).toBeUndefined();
  });

  it('should count a repeated lexeme once per occurrence when weighting', () => {
    const query = buildLexicalQuery(
      [{ lexeme: 'dns', positions: [1, 3], documentFrequency: 1 }],
      9,
    );

    expect(query?.units[0]?.weight).toBeCloseTo(2 * inverseDocumentFrequency(1, 9));
  });
});

describe(inverseDocumentFrequency.name, () => {
  it('should stay positive when a lexeme is in every chunk', () => {
    expect(inverseDocumentFrequency(10, 10)).toBeGreaterThan(0);
    expect(inverseDocumentFrequency(1, 10)).toBeGreaterThan(inverseDocumentFrequency(9, 10));
  });
});

describe(withoutQuestionFraming.name, () => {
  const words = (...lexemes: string[]): { lexeme: string }[] =>
    lexemes.map((lexeme) => ({ lexeme }));

  it('should leave out the words that only frame a question', () => {
    // "Is it possible, I would like to know, to renew an SSL certificate?"
    const query = words('possibl', 'would', 'like', 'know', 'renew', 'ssl', 'certif');

    expect(withoutQuestionFraming(query).map((word) => word.lexeme)).toEqual([
      'renew',
      'ssl',
      'certif',
    ]);
  });

  it('should leave out the German words that only frame a question when it is German', () => {
    // "Ist es möglich, ich möchte wissen, ein SSL-Zertifikat zu verlängern?"
    const query = words('moglich', 'mocht', 'wiss', 'ssl', 'zertifikat', 'verlang');

    expect(withoutQuestionFraming(query, 'german').map((word) => word.lexeme)).toEqual([
      'ssl',
      'zertifikat',
      'verlang',
    ]);
    expect(withoutQuestionFraming(words('know', 'ssl'), 'german')).toHaveLength(2);
  });

  it.each([
    ['french', ['possibl', 'voudr', 'savoir', 'renouvel', 'certificat', 'ssl']],
    ['spanish', ['posibl', 'quis', 'sab', 'renov', 'certific', 'ssl']],
    ['dutch', ['mogelijk', 'grag', 'wet', 'ssl', 'certificat', 'verleng']],
  ] as const)('should leave out the %s words that only frame a question', (language, lexemes) => {
    const left = withoutQuestionFraming(words(...lexemes), language).map((word) => word.lexeme);

    expect(left).toEqual(lexemes.slice(3));
  });

  it('should keep a question that has nothing but framing words', () => {
    const query = words('need', 'tell');

    expect(withoutQuestionFraming(query)).toEqual(query);
  });
});
