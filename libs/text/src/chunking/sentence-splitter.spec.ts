import { splitSentences } from './sentence-splitter';

describe(splitSentences.name, () => {
  it('should split at terminal punctuation when the next sentence starts with a capital', () => {
    expect(
      splitSentences('Open cPanel. Click Email! Is it there? "Yes." 2 records remain.'),
    ).toEqual(['Open cPanel.', 'Click Email!', 'Is it there?', '"Yes."', '2 records remain.']);
  });

  it('should not split when a period belongs to an abbreviation, initial, version or host', () => {
    const text =
      'Use a tool, e.g. Dig or J. Smith’s script. Upgrade to PHP 8.1 on example.com now.';
    expect(splitSentences(text)).toEqual([
      'Use a tool, e.g. Dig or J. Smith’s script.',
      'Upgrade to PHP 8.1 on example.com now.',
    ]);
  });

  it('should not split after a German abbreviation followed by a capitalised noun', () => {
    const text =
      'Ändern Sie ggf. Ihre Nameserver bzw. Ihre DNS-Einträge, z. B. den A-Eintrag. Danach dauert es ca. 24 Stunden.';
    expect(splitSentences(text)).toEqual([
      'Ändern Sie ggf. Ihre Nameserver bzw. Ihre DNS-Einträge, z. B. den A-Eintrag.',
      'Danach dauert es ca. 24 Stunden.',
    ]);
  });

  it('should not split after an abbreviation of the other languages search reads', () => {
    expect(
      splitSentences(
        'Vérifiez les enregistrements, p. ex. Le champ MX. Controleer bijv. De DNS-zone. Fin.',
      ),
    ).toEqual([
      'Vérifiez les enregistrements, p. ex. Le champ MX.',
      'Controleer bijv. De DNS-zone.',
      'Fin.',
    ]);
  });

  it('should not split when the next word is lowercase', () => {
    expect(splitSentences('See fig. below. then continue')).toEqual([
      'See fig. below. then continue',
    ]);
  });

  it('should return nothing when the text is blank', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
