import { SpellingIndex, editDistance, toleratedEdits, wordOf } from './spelling';

describe(editDistance.name, () => {
  it.each([
    ['search', 'search', 0],
    ['serch', 'search', 1],
    ['serach', 'search', 1],
    ['acoount', 'account', 1],
    ['wifi', 'wi-fi', 1],
    ['backup', 'backups', 1],
    ['reseller', 'resellre', 1],
    ['certificate', 'certifcat', 2],
  ])('should count %s to %s as %i edits', (a, b, edits) => {
    expect(editDistance(a, b, 3)).toBe(edits);
    expect(editDistance(b, a, 3)).toBe(edits);
  });

  it('should stop at one past the limit', () => {
    expect(editDistance('domain', 'mailbox', 2)).toBe(3);
    expect(editDistance('dns', 'nameserver', 1)).toBe(2);
  });
});

describe(toleratedEdits.name, () => {
  it('should leave short words alone and allow more edits in long ones', () => {
    expect([3, 4, 7, 8, 14].map(toleratedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe(SpellingIndex.name, () => {
  /** An index of `words` with their frequencies, and the frequency lookup to correct with. */
  function vocabulary(words: Record<string, number>) {
    const index = new SpellingIndex();
    Object.keys(words).forEach((word) => {
      index.add(word);
    });
    return (word: string) => index.correct(word, (candidate) => words[candidate] ?? 0);
  }

  it('should read a misspelt word as the closest word the vocabulary has', () => {
    const correct = vocabulary({ search: 40, march: 3, cpanel: 12 });

    expect(correct('serch')).toBe('search');
    expect(correct('cpanle')).toBe('cpanel');
  });

  it('should prefer the closer word to the more frequent one', () => {
    const correct = vocabulary({ certificate: 50, certificates: 5 });

    expect(correct('certficate')).toBe('certificate');
    expect(correct('certficates')).toBe('certificates');
  });

  it('should prefer the more frequent of equally close words', () => {
    expect(vocabulary({ sarch: 1, search: 40 })('serch')).toBe('search');
    expect(vocabulary({ sarch: 50, search: 40 })('serch')).toBe('sarch');
  });

  it('should leave a word alone when nothing is close or the word is short', () => {
    const correct = vocabulary({ search: 40, panel: 30 });

    expect(correct('invoice')).toBeUndefined();
    expect(correct('seaaaarch')).toBeUndefined();
    expect(correct('pan')).toBeUndefined();
  });

  it('should not correct into numbers, codes or host names', () => {
    const correct = vocabulary({
      '2526': 4,
      php8: 3,
      'mail.example.com': 2,
      mysql: 6,
      'e-mail': 5,
    });

    expect(correct('2525')).toBeUndefined();
    expect(correct('php7')).toBeUndefined();
    expect(correct('mail.example.con')).toBeUndefined();
    expect(correct('mysql8')).toBe('mysql');
    expect(correct('email')).toBe('e-mail');
  });

  it('should skip words that no longer occur', () => {
    expect(vocabulary({ gone: 0 })('gonne')).toBeUndefined();
  });
});

describe(wordOf.name, () => {
  it('should show a lexeme as the first word of the texts it stands for', () => {
    const texts = ['Nothing here.', 'Configure the nameservers, then configuring is done.'];

    expect(wordOf('configur', texts)).toBe('configure');
    expect(wordOf('nameserv', texts)).toBe('nameservers');
  });

  it('should show the lexeme itself when no word stands for it', () => {
    expect(wordOf('e-mail', ['Check the e-mail settings.'])).toBe('e-mail');
  });
});
