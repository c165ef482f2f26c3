import {
  DEFAULT_TOPIC_GROUP_OPTIONS,
  groupByTopic,
  topicProfile,
  topicSimilarity,
} from './topic-groups';

function items(...texts: string[]): { id: string; text: string }[] {
  return texts.map((text, index) => ({ id: `q${index}`, text }));
}

describe(groupByTopic.name, () => {
  it('should put questions about the same thing together, largest group first', () => {
    const groups = groupByTopic(
      items(
        'How do I renew the SSL certificate on my domain?',
        'Where do I add an SPF record for Outlook delivery?',
        'My SSL certificate expired, how can it be renewed?',
        'Can I renew an expired SSL certificate early?',
        'Outlook rejects our mail, is the SPF record wrong?',
        'What is the price of a dedicated server with 64 GB?',
      ),
    );

    expect(groups.map((group) => group.ids)).toEqual([['q0', 'q2', 'q3'], ['q1', 'q4'], ['q5']]);
  });

  it('should name a group by the words most of its questions use, as they write them', () => {
    const [ssl] = groupByTopic(
      items(
        'Renewing the SSL certificate fails',
        'SSL certificate renewal does not work',
        'How do I renew my SSL certificate?',
      ),
    );

    expect([...(ssl?.terms ?? [])].sort()).toEqual(['certificate', 'renew', 'ssl']);
  });

  it('should not join tickets that share only greetings and sign-offs', () => {
    const groups = groupByTopic(
      items(
        'Hi, I would like to know how to upgrade PHP. Thanks in advance, regards',
        'Hello, please help: the invoice shows a double charge. Thank you, regards',
      ),
    );

    expect(groups).toHaveLength(2);
  });

  it('should group German questions by their German stems, not by their function words', () => {
    const groups = groupByTopic(
      items(
        'Wie kann ich das SSL-Zertifikat meiner Domain verlängern?',
        'Wie kann ich die Rechnung für meinen Server bezahlen?',
        'Das Zertifikat ist abgelaufen, wie verlängere ich es?',
        'Kann ich die Rechnungen meines Servers per PayPal bezahlen?',
      ),
    );

    expect(groups.map((group) => group.ids)).toEqual([
      ['q0', 'q2'],
      ['q1', 'q3'],
    ]);
  });

  it('should not join German tickets that share only greetings and sign-offs', () => {
    const groups = groupByTopic(
      items(
        'Guten Tag, ich habe eine Frage zum Umzug meiner Domain. Vielen Dank und freundliche Grüße',
        'Hallo, wie spiele ich ein Backup ein? Vielen Dank und Grüße',
      ),
    );

    expect(groups).toHaveLength(2);
  });

  it.each([
    [
      'French',
      'Comment puis-je renouveler le certificat SSL de mon domaine ?',
      'Comment puis-je payer la facture de mon serveur ?',
      'Le certificat a expiré, comment le renouveler ?',
      'Puis-je payer les factures du serveur par PayPal ?',
    ],
    [
      'Spanish',
      '¿Cómo puedo renovar el certificado SSL de mi dominio?',
      '¿Cómo puedo pagar la factura de mi servidor?',
      'El certificado ha caducado, ¿cómo puedo renovarlo?',
      '¿Puedo pagar las facturas del servidor con PayPal?',
    ],
    [
      'Dutch',
      'Hoe kan ik het SSL-certificaat van mijn domein verlengen?',
      'Hoe kan ik de factuur van mijn server betalen?',
      'Het certificaat is verlopen, hoe verleng ik het?',
      'Kan ik de facturen van de server met PayPal betalen?',
    ],
  ])('should group %s questions by their stems, not by their function words', (_, ...texts) => {
    const groups = groupByTopic(items(...texts));

    expect(groups.map((group) => group.ids)).toEqual([
      ['q0', 'q2'],
      ['q1', 'q3'],
    ]);
  });

  it('should leave a question without content words alone', () => {
    const groups = groupByTopic(
      items('Help?', 'Hello??', 'DNS zone not updating', 'DNS zone stale'),
    );

    expect(groups.map((group) => group.ids)).toEqual([['q2', 'q3'], ['q0'], ['q1']]);
    expect(groups.map((group) => group.terms.length)).toEqual([2, 0, 0]);
  });

  it('should keep apart two topics when the threshold asks for closer questions', () => {
    const texts = items('Reset the cPanel password', 'Reset the webmail password');

    expect(groupByTopic(texts, { minSimilarity: 0.9, labelTerms: 3 })).toHaveLength(2);
    expect(groupByTopic(texts, { minSimilarity: 0.1, labelTerms: 3 })).toHaveLength(1);
  });

  it('should answer nothing for no items', () => {
    expect(groupByTopic([])).toEqual([]);
  });
});

describe(topicProfile.name, () => {
  const phishing = [
    'Phishing site on your server: a fake PayPal login page, please take it down',
    'Please take down the phishing site on your server, a fake PayPal login page',
    'Phishing report: fake PayPal login page on your server. Take it down',
  ];

  it('should label the topic as its group is labelled', () => {
    const [group] = groupByTopic(items(...phishing));

    expect(group?.ids).toHaveLength(3);
    expect(topicProfile(phishing).terms).toEqual(group?.terms);
  });

  it('should find a later text on the topic close, and one on another topic far', () => {
    const profile = topicProfile(phishing);
    const { minSimilarity } = DEFAULT_TOPIC_GROUP_OPTIONS;

    expect(
      topicSimilarity(
        profile,
        'Another phishing site on your server, a fake login page. Take it down',
      ),
    ).toBeGreaterThanOrEqual(minSimilarity);
    expect(topicSimilarity(profile, 'How do I renew the SSL certificate on my domain?')).toBe(0);
    expect(topicSimilarity(profile, 'Hello, thanks, regards')).toBe(0);
  });

  it('should measure a text as the grouping measures it joining the group', () => {
    const later = 'Phishing again: a fake bank login page on your server';
    const similarity = topicSimilarity(topicProfile(phishing), later);
    const grouped = (minSimilarity: number): string[][] =>
      groupByTopic(items(...phishing, later), { minSimilarity, labelTerms: 3 }).map((group) => [
        ...group.ids,
      ]);

    expect(grouped(similarity - 0.001)).toEqual([['q0', 'q1', 'q2', 'q3']]);
    expect(grouped(similarity + 0.001)).toEqual([['q0', 'q1', 'q2'], ['q3']]);
  });
});
