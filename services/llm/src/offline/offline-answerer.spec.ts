import type { AnswerPassage } from '@deskpilot/contracts';

import { NO_ANSWER, OfflineAnswerer } from './offline-answerer';

function passage(
  index: number,
  text: string,
  score = 1 / index,
  evidence: Pick<AnswerPassage, 'denseScore' | 'lexicalScore'> = {
    denseScore: null,
    lexicalScore: score,
  },
): AnswerPassage {
  return {
    index,
    chunkId: `00000000-0000-4000-8000-00000000000${index}`,
    documentId: '00000000-0000-4000-8000-000000000100',
    documentTitle: 'Guide',
    documentVersion: 1,
    headingPath: [],
    text,
    score,
    ...evidence,
  };
}

describe(OfflineAnswerer.name, () => {
  const sut = new OfflineAnswerer();
  const passages = [
    passage(1, 'Our office is in Berlin. Support answers within a day.'),
    passage(
      2,
      'To reset a mailbox password, open Email Accounts in cPanel. Then choose Manage. Quotas can be changed there too.',
    ),
  ];

  describe('answer', () => {
    it('should quote the matching sentences of the best passage with citations', () => {
      const text = sut.answer({ question: 'How do I reset my mailbox password?', passages });

      expect(text).toBe('To reset a mailbox password, open Email Accounts in cPanel [2].');
    });

    it("should quote the first matching passages in retrieval's order", () => {
      const text = sut.answer({
        question: 'How do I change the DNS zone of my domain?',
        passages: [
          passage(1, 'The DNS zone is edited in the Zone Editor.'),
          passage(2, 'Invoices are sent on the first of the month.'),
          passage(3, 'Change the domain, then the zone of the domain, then its DNS records.', 0.9),
        ],
      });

      expect(text).toBe(
        'The DNS zone is edited in the Zone Editor [1]. ' +
          'Change the domain, then the zone of the domain, then its DNS records [3].',
      );
    });

    it('should leave out a passage found less than half as relevant as the best', () => {
      const text = sut.answer({
        question: 'How do I move a domain to another client account?',
        passages: [
          passage(1, 'Open the domain in WHMCS and choose Move to another client.', 0.016, {
            denseScore: null,
            lexicalScore: 7.9,
          }),
          passage(2, 'Every shared hosting account is backed up every night.', 0.015, {
            denseScore: null,
            lexicalScore: 3.1,
          }),
        ],
      });

      expect(text).toBe('Open the domain in WHMCS and choose Move to another client [1].');
    });

    it('should judge by the vector score when the passages have no full-text score', () => {
      const text = sut.answer({
        question: 'How do I move a domain to another client account?',
        passages: [
          passage(1, 'Open the domain in WHMCS and choose Move to another client.', 0.016, {
            denseScore: 0.62,
            lexicalScore: null,
          }),
          passage(2, 'Every shared hosting account is backed up every night.', 0.015, {
            denseScore: 0.3,
            lexicalScore: null,
          }),
          passage(3, 'A domain moved to another client keeps its invoices.', 0.014, {
            denseScore: 0.4,
            lexicalScore: null,
          }),
        ],
      });

      expect(text).toBe(
        'Open the domain in WHMCS and choose Move to another client [1]. ' +
          'A domain moved to another client keeps its invoices [3].',
      );
    });

    it('should quote at most two sentences from each of two passages', () => {
      const text = sut.answer({
        question: 'How do I restore a backup?',
        passages: [1, 2, 3].map((index) =>
          passage(
            index,
            `Backup ${index} is restored from the list. Restore backup ${index} with one click. ` +
              `A backup ${index} restore takes minutes.`,
            1,
          ),
        ),
      });

      expect(text.match(/\[\d\]/g)).toEqual(['[1]', '[1]', '[2]', '[2]']);
    });

    it('should quote the best-scoring matching passages, not the next in the prompt', () => {
      const text = sut.answer({
        question: 'How do I reset my cPanel password?',
        passages: [
          passage(1, 'Reset the cPanel password in the client area.', 0.9),
          passage(2, 'Reset the root password of a VPS from its console.', 0.2),
          passage(3, 'A reset cPanel password also applies to WHM logins.', 0.8),
        ],
      });

      expect(text).toBe(
        'Reset the cPanel password in the client area [1]. ' +
          'A reset cPanel password also applies to WHM logins [3].',
      );
    });

    it('should prefer sentences with the words that few passages contain', () => {
      const text = sut.answer({
        question: 'How do I reset my cPanel password?',
        passages: [
          passage(
            1,
            'Log in to cPanel with your cPanel password. Your cPanel password also opens FTP. ' +
              'Use Reset Password on the login page to reset a forgotten one.',
            0.9,
          ),
          passage(2, 'The cPanel password strength is shown in a meter.', 0.5),
          passage(3, 'A cPanel password expires after a year.', 0.4),
        ],
      });

      expect(text).toBe(
        'Log in to cPanel with your cPanel password [1]. ' +
          'Use Reset Password on the login page to reset a forgotten one [1]. ' +
          'The cPanel password strength is shown in a meter [2].',
      );
    });

    it('should fall back to the top-ranked passage when no words match', () => {
      const text = sut.answer({ question: 'zzz', passages });

      expect(text).toBe('Our office is in Berlin [1]. Support answers within a day [1].');
    });

    it('should say so when there are no passages', () => {
      expect(sut.answer({ question: 'anything', passages: [] })).toBe(NO_ANSWER);
    });

    it('should greet the customer by first name in a ticket reply', () => {
      const text = sut.answer({
        question: 'reset mailbox password',
        passages,
        customerName: 'Anna Meyer',
      });

      expect(text.startsWith('Hello Anna,\n\n')).toBe(true);
      expect(text).toContain('[2]');
      expect(text.endsWith('Kind regards,')).toBe(true);
    });

    it('should answer a German ticket from German passages by German stems, in German', () => {
      const german = [
        passage(1, 'Unser Büro ist in Berlin. Der Support antwortet innerhalb eines Tages.'),
        passage(
          2,
          'Das Passwort eines Postfachs setzen Sie in cPanel unter E-Mail-Konten zurück. Wählen Sie dort Verwalten. Auch die Größe der Postfächer lässt sich dort ändern.',
        ),
      ];

      const text = sut.answer({
        question:
          'Wie kann ich das Passwort meines Postfaches zurücksetzen? Ich komme nicht mehr rein.',
        passages: german,
        customerName: 'Anna Meyer',
      });

      expect(text).toBe(
        'Hallo Anna,\n\nvielen Dank für Ihre Nachricht. Das Passwort eines Postfachs setzen Sie in cPanel unter E-Mail-Konten zurück [2]. Auch die Größe der Postfächer lässt sich dort ändern [2].\n\nViele Grüße',
      );
    });

    it('should answer a French ticket from French passages by French stems, in French', () => {
      const french = [
        passage(1, 'Notre équipe répond en moins de vingt-quatre heures.'),
        passage(
          2,
          "Le mot de passe d'une boîte mail se réinitialise dans cPanel, sous Comptes e-mail. Choisissez ensuite Gérer.",
        ),
      ];

      const text = sut.answer({
        question:
          "Comment réinitialiser le mot de passe de ma boîte mail ? Je n'arrive plus à me connecter.",
        passages: french,
        customerName: 'Claire Martin',
      });

      expect(text).toBe(
        "Bonjour Claire,\n\nmerci pour votre message. Le mot de passe d'une boîte mail se réinitialise dans cPanel, sous Comptes e-mail [2].\n\nCordialement,",
      );
    });

    it('should greet in the account language when the ticket is too short to show its own', () => {
      const text = sut.answer({
        question: 'Postfach Passwort',
        passages,
        customerName: 'Anna Meyer',
        accountLanguage: 'german',
      });

      expect(text.startsWith('Hallo Anna,\n\nvielen Dank für Ihre Nachricht.')).toBe(true);
      expect(text.endsWith('Viele Grüße')).toBe(true);
    });

    it.each([
      ['portuguese-br', 'Olá Anna,\n\nobrigado pela sua mensagem.'],
      ['Nederlands', 'Hallo Anna,\n\nbedankt voor uw bericht.'],
      ['Español', 'Hola Anna,\n\ngracias por su mensaje.'],
      ['klingon', 'Hello Anna,\n\nthank you for getting in touch.'],
    ])('should read the WHMCS account language %s', (accountLanguage, opening) => {
      const text = sut.answer({
        question: 'Postfach Passwort',
        passages,
        customerName: 'Anna Meyer',
        accountLanguage,
      });

      expect(text.startsWith(opening)).toBe(true);
    });
  });
});
