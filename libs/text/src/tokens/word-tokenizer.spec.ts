import { tokenize } from './word-tokenizer';

describe(tokenize.name, () => {
  it('should lowercase words and drop punctuation when given a sentence', () => {
    expect(tokenize('Open the cPanel, then click “Email Accounts”!')).toEqual([
      'open',
      'the',
      'cpanel',
      'then',
      'click',
      'email',
      'accounts',
    ]);
  });

  it('should keep versions, host names and config keys whole when they contain joiners', () => {
    expect(tokenize('Upgrade to PHP8.1 on example.com and raise max_execution_time')).toEqual([
      'upgrade',
      'to',
      'php8.1',
      'on',
      'example.com',
      'and',
      'raise',
      'max_execution_time',
    ]);
  });

  it('should keep hosting vocabulary recognisable when it mixes case, digits and dots', () => {
    expect(tokenize('Edit .htaccess, add DKIM and SPF records, enable IPv6 in WHMCS.')).toEqual([
      'edit',
      'htaccess',
      'add',
      'dkim',
      'and',
      'spf',
      'records',
      'enable',
      'ipv6',
      'in',
      'whmcs',
    ]);
  });

  it('should split at hyphens and slashes when words are compounded', () => {
    expect(tokenize('wp-config.php and/or e-mail')).toEqual([
      'wp',
      'config.php',
      'and',
      'or',
      'e',
      'mail',
    ]);
  });

  it('should drop apostrophes and possessive s when words are contracted', () => {
    expect(tokenize("The customer's domain doesn't resolve")).toEqual([
      'the',
      'customer',
      'domain',
      'doesnt',
      'resolve',
    ]);
  });

  it('should make French and Italian elided words tokens of their own', () => {
    expect(tokenize("L'adresse qu'aujourd'hui, dell'account")).toEqual([
      'l',
      'adresse',
      'qu',
      'aujourdhui',
      'dell',
      'account',
    ]);
    expect(tokenize("O'Brien's rock'n'roll")).toEqual(['obrien', 'rocknroll']);
  });

  it('should keep letters of other scripts when the text is not English', () => {
    expect(tokenize('Größe ändern: Überblick, Ελληνικά')).toEqual([
      'größe',
      'ändern',
      'überblick',
      'ελληνικά',
    ]);
  });

  it('should return no tokens when the text has no letters or digits', () => {
    expect(tokenize(' -- ... !! ')).toEqual([]);
  });
});
