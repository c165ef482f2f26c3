import { stem } from './stemmer';

describe(stem.name, () => {
  it('should reduce a word to its Porter2 stem when it is all English letters', () => {
    expect(stem('generously')).toBe('generous');
    expect(stem('mailboxes')).toBe('mailbox');
  });

  it('should return the token unchanged when it contains digits', () => {
    expect(stem('ipv6')).toBe('ipv6');
    expect(stem('route53')).toBe('route53');
  });

  it('should give the same stem when a word comes again', () => {
    const first = ['mailboxes', 'generously', 'mailboxes'].map((word) => stem(word));

    expect(first).toEqual(['mailbox', 'generous', 'mailbox']);
    expect(stem('generously')).toBe('generous');
  });

  it('should stem German words as the German Snowball stemmer does', () => {
    expect(
      ['rechnungen', 'postfächer', 'umziehen', 'kündigung'].map((w) => stem(w, 'german')),
    ).toEqual(['rechnung', 'postfach', 'umzieh', 'kundig']);
    expect(stem('rechnungen')).toBe('rechnungen');
  });

  it.each([
    ['french', ['factures', 'hébergement', 'sauvegardes'], ['factur', 'héberg', 'sauvegard']],
    ['spanish', ['facturas', 'direcciones', 'contraseñas'], ['factur', 'direccion', 'contraseñ']],
    ['italian', ['fatture', 'indirizzi', 'caselle'], ['fattur', 'indirizz', 'casell']],
    ['portuguese', ['faturas', 'endereços', 'senhas'], ['fatur', 'enderec', 'senh']],
    ['dutch', ['facturen', 'wachtwoorden', 'domeinen'], ['factur', 'wachtwoord', 'domein']],
  ] as const)('should stem %s words as its Snowball stemmer does', (language, words, stems) => {
    expect(words.map((word) => stem(word, language))).toEqual(stems);
  });
});
