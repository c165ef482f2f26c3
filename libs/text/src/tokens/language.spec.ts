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

  it.each([
    ['french', 'Comment puis-je changer le mot de passe de mon compte ?'],
    ['french', "Je n'arrive pas à envoyer d'e-mails depuis l'adresse de ma boutique."],
    ['spanish', '¿Cómo puedo cambiar la contraseña de mi cuenta?'],
    ['spanish', '¿Dónde encuentro mi factura?'],
    ['spanish', 'No recibo los correos que me envían desde el formulario de la web.'],
    ['italian', 'Come posso cambiare la password del mio account?'],
    ['italian', "Non riesco a inviare email dall'indirizzo del negozio."],
    ['portuguese', 'Não consigo acessar o meu e-mail desde ontem.'],
    ['portuguese', 'Você pode enviar a fatura para o meu endereço?'],
    ['portuguese', 'Quando expira a minha senha?'],
    ['dutch', 'Hoe kan ik het wachtwoord van mijn account wijzigen?'],
    ['dutch', 'Ik ontvang geen e-mails meer op mijn adres.'],
  ])('should tell %s from its function words: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('should not guess from keywords or from words several languages write alike', () => {
    expect(detectLanguage('cPanel Passwort reset')).toBeUndefined();
    expect(detectLanguage('was in an am')).toBeUndefined();
    expect(detectLanguage('de la en')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });

  it('should not guess from an even mix', () => {
    expect(detectLanguage('the domain and the server, der Server und die Domain')).toBeUndefined();
  });
});
