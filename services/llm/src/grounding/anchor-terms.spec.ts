import { anchorTerms } from './anchor-terms';

describe(anchorTerms.name, () => {
  it('should keep numbers, addresses and names that a translation leaves as they are', () => {
    expect(
      anchorTerms(
        'Öffnen Sie cPanel unter https://host.example.com:2083 und setzen Sie den MX-Eintrag ' +
          'auf mail.example.com (Priorität 10), oder schreiben Sie an support@example.com.',
      ),
    ).toEqual([
      'cpanel',
      'https://host.example.com:2083',
      'mx',
      'mail.example.com',
      '10',
      'support@example.com',
    ]);
  });

  it('should keep products and versions, and leave out words that translation changes', () => {
    expect(anchorTerms('Aktualisieren Sie WordPress auf PHP 8.2 über IPv6.')).toEqual([
      'wordpress',
      'php',
      '8.2',
      'ipv6',
    ]);
    expect(anchorTerms('Das Passwort ändern Sie im Kundenbereich.')).toEqual([]);
  });

  it('should not take abbreviations for addresses, nor a capitalised first letter for a name', () => {
    expect(anchorTerms('Zum Beispiel z.B. eine E-Mail, d.h. eine Nachricht.')).toEqual([]);
  });

  it('should count each anchor once, whatever its case', () => {
    expect(anchorTerms('DNS records and dns zones: see DNS.')).toEqual(['dns']);
  });
});
