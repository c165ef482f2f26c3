import { likelierReading } from './query-language';

const readings = new Map([
  ['english' as const, [{ lexeme: 'rechnungen' }, { lexeme: 'kundenbereich' }]],
  ['german' as const, [{ lexeme: 'rechnung' }, { lexeme: 'kundenbereich' }]],
]);

describe(likelierReading.name, () => {
  it('should read keywords in the language whose lexemes the knowledge base knows more of', () => {
    const german = new Set(['rechnung', 'kundenbereich']);

    expect(likelierReading(readings, (lexeme) => german.has(lexeme))).toBe('german');
  });

  it('should weigh every language it has a reading in', () => {
    const withFrench = new Map([
      ...readings,
      ['french' as const, [{ lexeme: 'factur' }, { lexeme: 'impai' }]],
      ['spanish' as const, [{ lexeme: 'factur' }, { lexeme: 'impagad' }]],
    ]);
    const french = new Set(['factur', 'impai']);

    expect(likelierReading(withFrench, (lexeme) => french.has(lexeme))).toBe('french');
  });

  it('should take the reading made first of two that the knowledge base knows alike', () => {
    const alike = new Map([
      ['spanish' as const, [{ lexeme: 'factur' }]],
      ['french' as const, [{ lexeme: 'factur' }]],
    ]);

    expect(likelierReading(alike, () => true)).toBe('spanish');
  });

  it('should read keywords as English when German is known no better', () => {
    expect(likelierReading(readings, (lexeme) => lexeme === 'kundenbereich')).toBe('english');
    expect(likelierReading(new Map(), () => false)).toBe('english');
  });
});
