import type { AnswerPassage } from '@deskpilot/contracts';

import { GroundingChecker, questionTopic } from './grounding-checker';

function passage(index: number, text: string): AnswerPassage {
  return {
    index,
    chunkId: `00000000-0000-4000-8000-00000000000${index}`,
    documentId: '00000000-0000-4000-8000-000000000100',
    documentTitle: 'Web hosting guide',
    documentVersion: 1,
    headingPath: [],
    text,
    score: 1,
    denseScore: null,
    lexicalScore: null,
  };
}

describe(GroundingChecker.name, () => {
  const sut = new GroundingChecker();
  const passages = [
    passage(1, 'To restart Apache, open WHM and choose Restart Services, then HTTP Server.'),
    passage(2, 'Invoices are due within seven days of the issue date.'),
  ];

  describe('check', () => {
    it('should support a sentence whose words are in the passage it cites', () => {
      const report = sut.check(
        'Open WHM and choose Restart Services to restart Apache [1].',
        passages,
      );

      expect(report.unsupported).toEqual([]);
      expect(report.confidence).toBe(1);
    });

    it('should flag a sentence that cites the wrong passage', () => {
      const report = sut.check(
        'Open WHM and choose Restart Services to restart Apache [2].',
        passages,
      );

      expect(report.unsupported).toHaveLength(1);
      expect(report.confidence).toBeLessThan(0.5);
    });

    it('should flag a claim without any citation', () => {
      const report = sut.check(
        'Open WHM and restart Apache [1]. We also offer free domain transfers every weekend.',
        passages,
      );

      expect(report.unsupported).toEqual(['We also offer free domain transfers every weekend.']);
      expect(report.confidence).toBeCloseTo(0.5, 1);
    });

    it('should ignore greetings and sign-offs, which make no claim', () => {
      const report = sut.check(
        'Hello Anna,\n\nInvoices are due within seven days [2].\n\nKind regards,',
        passages,
      );

      expect(report.sentences).toHaveLength(1);
      expect(report.confidence).toBe(1);
    });

    it('should match a German answer to a German passage by German stems', () => {
      const german = passage(
        3,
        'Alle Rechnungen eines Vertrags sind im Kundenbereich unter Abrechnung zu finden.',
      );

      const report = sut.check(
        'Die Rechnungen Ihrer Verträge finden Sie im Kundenbereich unter Abrechnung [3].',
        [german],
      );

      expect(report.sentences.map((check) => check.support)).toEqual([1]);
    });

    it('should compare a German answer with the English passage it cites by what it names', () => {
      const english = passage(
        4,
        'To change the MX record, open the DNS Zone Editor in cPanel and set the priority to 10.',
      );

      const faithful = sut.check(
        'Öffnen Sie in cPanel den DNS-Zoneneditor und setzen Sie die Priorität des MX-Eintrags auf 10 [4].',
        [english],
      );
      const wrongNumber = sut.check(
        'Öffnen Sie in cPanel den DNS-Zoneneditor und setzen Sie die Priorität des MX-Eintrags auf 20 [4].',
        [english],
      );
      const inWords = sut.check(
        'Dort können Sie die Einträge Ihrer Domain jederzeit selbst bearbeiten [4].',
        [english],
      );

      expect(faithful.sentences.map((check) => check.support)).toEqual([1]);
      expect(faithful.crossLanguage).toEqual({ answer: 'german', passages: ['english'] });
      expect(faithful.confidence).toBe(1);
      expect(wrongNumber.sentences.map((check) => check.support)).toEqual([0.75]);
      expect(inWords.sentences.map((check) => check.supported)).toEqual([true]);
    });

    it('should flag a claim across languages that names what its passage does not', () => {
      const english = passage(4, 'Outgoing mail uses port 587 with STARTTLS on every plan.');

      const report = sut.check(
        'Für ausgehende E-Mails verwenden Sie Port 2525 mit SSL auf allen Tarifen [4].',
        [english],
      );

      expect(report.sentences.map((check) => check.support)).toEqual([0]);
      expect(report.unsupported).toHaveLength(1);
    });

    it('should compare by stems as before when the passage is in the answer language', () => {
      const report = sut.check(
        'Open WHM and choose Restart Services to restart Apache [1].',
        passages,
      );

      expect(report.crossLanguage).toBeNull();
      expect(report.sentences.map((check) => check.acrossLanguages)).toEqual([false]);
    });

    it('should report citations of passages that do not exist', () => {
      const report = sut.check('Invoices are due within seven days [7].', passages);

      expect(report.unknownCitations).toEqual([7]);
      expect(report.unsupported).toHaveLength(1);
    });

    it('should give no confidence to an answer without claims', () => {
      expect(sut.check('Thanks!', passages).confidence).toBe(0);
    });
  });

  describe("check against the question's topic", () => {
    const answer = 'Open WHM and choose Restart Services to restart Apache [1].';

    it('should keep full confidence when the cited passage speaks of the whole topic', () => {
      const report = sut.check(answer, passages, 'Restart Apache in WHM');

      expect(report.coverage).toBe(1);
      expect(report.confidence).toBe(1);
    });

    it('should lower the confidence of a faithful quote from a passage on another topic', () => {
      const report = sut.check(answer, passages, 'Magento with Elasticsearch');

      expect(report.unsupported).toEqual([]);
      expect(report.coverage).toBe(0);
      expect(report.confidence).toBe(0);
    });

    it('should weigh a missing topic word that no passage has above one that others have', () => {
      const prompt = [
        passage(1, 'Restart Apache in WHM.'),
        passage(2, 'Invoices are due within seven days.'),
        passage(3, 'Invoices can be paid by card.'),
      ];

      const elsewhere = sut.check(answer, prompt, 'Apache invoices');
      const nowhere = sut.check(answer, prompt, 'Apache Magento');

      expect(elsewhere.coverage).toBeGreaterThan(0.5);
      expect(nowhere.coverage).toBeLessThan(0.5);
    });

    it('should leave numbers, domains and addresses out of the topic', () => {
      const report = sut.check(
        answer,
        passages,
        'Restart Apache on shop.example.com, 10.0.0.7 #88213',
      );

      expect(report.coverage).toBe(1);
    });

    it('should not judge the topic of a question whose cited passages are in another language', () => {
      const english = passage(
        4,
        'To change the MX record, open the DNS Zone Editor in cPanel and set the priority to 10.',
      );

      const report = sut.check(
        'Öffnen Sie in cPanel den DNS-Zoneneditor und setzen Sie den MX-Eintrag [4].',
        [english],
        'Wie ändere ich den MX-Eintrag meiner Domain?',
      );

      expect(report.coverage).toBeNull();
      expect(report.confidence).toBe(1);
    });

    it('should not judge a topic without content words', () => {
      const report = sut.check(answer, passages, '#4411');

      expect(report.coverage).toBeNull();
      expect(report.confidence).toBe(1);
    });
  });
});

describe(`${GroundingChecker.name} against the documents left out`, () => {
  const sut = new GroundingChecker();
  const answer = 'Open WHM and choose Restart Services to restart Apache [1].';
  const scored = (
    index: number,
    document: number,
    text: string,
    scores: Pick<AnswerPassage, 'denseScore' | 'lexicalScore'>,
  ): AnswerPassage => ({
    ...passage(index, text),
    documentId: `00000000-0000-4000-8000-00000000010${document}`,
    ...scores,
  });
  const apache = 'To restart Apache, open WHM and choose Restart Services, then HTTP Server.';
  const nginx = 'To restart Nginx, open WHM and choose Restart Services, then Nginx.';

  it('should keep full confidence when the cited document leads by half or more', () => {
    const report = sut.check(answer, [
      scored(1, 1, apache, { denseScore: null, lexicalScore: 8 }),
      scored(2, 2, nginx, { denseScore: null, lexicalScore: 4 }),
    ]);

    expect(report.lead).toBe(0.5);
    expect(report.confidence).toBe(1);
  });

  it('should lower the confidence when a document left out scored about as high', () => {
    const report = sut.check(answer, [
      scored(1, 1, apache, { denseScore: null, lexicalScore: 8 }),
      scored(2, 2, nginx, { denseScore: null, lexicalScore: 6 }),
    ]);

    expect(report.lead).toBe(0.25);
    expect(report.bestLeftOut?.index).toBe(2);
    expect(report.confidence).toBe(0.5);
  });

  it('should give no confidence to an answer that passes over a better document', () => {
    const report = sut.check(answer, [
      scored(1, 1, apache, { denseScore: null, lexicalScore: 5 }),
      scored(2, 2, nginx, { denseScore: null, lexicalScore: 9 }),
    ]);

    expect(report.lead).toBe(0);
    expect(report.confidence).toBe(0);
  });

  it("should count a cited document's best passage, cited or not", () => {
    const report = sut.check(answer, [
      scored(1, 1, apache, { denseScore: null, lexicalScore: 3 }),
      scored(2, 2, nginx, { denseScore: null, lexicalScore: 6 }),
      scored(3, 1, 'Apache serves the websites of every account.', {
        denseScore: null,
        lexicalScore: 9,
      }),
    ]);

    expect(report.lead).toBeCloseTo(0.33, 2);
  });

  it('should judge by the vector score when the passages have no full-text score', () => {
    const report = sut.check(answer, [
      scored(1, 1, apache, { denseScore: 0.6, lexicalScore: null }),
      scored(2, 2, nginx, { denseScore: 0.45, lexicalScore: null }),
    ]);

    expect(report.lead).toBe(0.25);
  });

  it('should not judge passages without scores, and count a lead in full when all are cited', () => {
    expect(sut.check(answer, [passage(1, apache)])).toMatchObject({
      lead: null,
      bestLeftOut: null,
    });
    expect(
      sut.check(answer, [scored(1, 1, apache, { denseScore: null, lexicalScore: 2 })]).lead,
    ).toBe(1);
  });
});

describe(questionTopic.name, () => {
  it("should take a ticket's subject as its topic", () => {
    expect(questionTopic('Hello, since yesterday my site is down…', 'Apache restart fails')).toBe(
      'Apache restart fails',
    );
  });

  it('should take the question when the subject says too little, or there is none', () => {
    expect(questionTopic('How do I restart Apache?', 'Question 1234')).toBe(
      'How do I restart Apache?',
    );
    expect(questionTopic('How do I restart Apache?')).toBe('How do I restart Apache?');
  });

  it('should read the words the search corrected as it read them', () => {
    expect(
      questionTopic('How do I rebot my VPS? Rebot fails.', undefined, [
        { typed: 'rebot', read: 'reboot' },
      ]),
    ).toBe('How do I reboot my VPS? reboot fails.');
    expect(questionTopic('Hi', 'Cannot rebot VPS (a.b)', [{ typed: 'a.b', read: 'x' }])).toBe(
      'Cannot rebot VPS (x)',
    );
  });
});
