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

  it('should read keywords as English when German is known no better', () => {
    expect(likelierReading(readings, (lexeme) => lexeme === 'kundenbereich')).toBe('english');
    expect(likelierReading(new Map(), () => false)).toBe('english');
  });
});
