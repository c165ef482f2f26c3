import { queryLanguage } from './query-language';

const readings = new Map([
  ['english' as const, [{ lexeme: 'rechnungen' }, { lexeme: 'kundenbereich' }]],
  ['german' as const, [{ lexeme: 'rechnung' }, { lexeme: 'kundenbereich' }]],
]);

describe(queryLanguage.name, () => {
  it('should read a question in the language of its function words', () => {
    const knowsEnglish = (lexeme: string) => lexeme === 'rechnungen';

    expect(queryLanguage('Wo finde ich meine Rechnungen?', readings, knowsEnglish)).toBe('german');
    expect(queryLanguage('Where do I find my invoices?', readings, () => true)).toBe('english');
  });

  it('should read keywords in the language whose lexemes the knowledge base knows more of', () => {
    const german = new Set(['rechnung', 'kundenbereich']);

    expect(queryLanguage('Rechnungen Kundenbereich', readings, (l) => german.has(l))).toBe(
      'german',
    );
  });

  it('should read keywords as English when German is known no better', () => {
    expect(queryLanguage('Rechnungen Kundenbereich', readings, (l) => l === 'kundenbereich')).toBe(
      'english',
    );
    expect(queryLanguage('cpanel', new Map(), () => false)).toBe('english');
  });
});
