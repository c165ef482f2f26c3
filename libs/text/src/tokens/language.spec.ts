import { detectLanguage } from './language';

describe(detectLanguage.name, () => {
  it('should tell English from its function words', () => {
    expect(detectLanguage('How do I point my domain to the new nameservers?')).toBe('english');
  });

  it('should tell German from its function words, umlauts included', () => {
    expect(detectLanguage('Wie ändere ich die Nameserver meiner Domain?')).toBe('german');
    expect(detectLanguage('Können Sie mir für diesen Vertrag eine Rechnung schicken?')).toBe(
      'german',
    );
  });

  it('should tell a German article by its prose though it names English products', () => {
    const article =
      'Ein neues Postfach legen Sie in cPanel unter Email Accounts an. Das Passwort muss ' +
      'mindestens zwölf Zeichen haben, und die Adresse ist sofort erreichbar.';

    expect(detectLanguage(article)).toBe('german');
  });

  it('should not guess from keywords or from words both languages write alike', () => {
    expect(detectLanguage('cPanel Passwort reset')).toBeUndefined();
    expect(detectLanguage('was in an am')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });

  it('should not guess from an even mix', () => {
    expect(detectLanguage('the domain and the server, der Server und die Domain')).toBeUndefined();
  });
});
