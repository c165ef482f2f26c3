import { articleFilename, articleMarkdown, articleText } from './article-markdown';

describe(articleMarkdown.name, () => {
  it('should put the title on one line as the top heading, then the text', () => {
    expect(articleMarkdown('Moving a\nsite', '  Back it up first.\n')).toBe(
      '# Moving a site\n\nBack it up first.\n',
    );
  });
});

describe(articleText.name, () => {
  it('should give back what was written, without the heading that repeats the title', () => {
    const markdown = articleMarkdown('Colocation', 'We offer **1U** to full racks.\n\n## Prices');

    expect(articleText(markdown, 'Colocation')).toBe('We offer **1U** to full racks.\n\n## Prices');
  });

  it('should keep a top heading that is not the title, and read Windows line ends', () => {
    expect(articleText('\uFEFF# Setup\r\n\r\nStep one.\r\n', 'Install guide')).toBe(
      '# Setup\n\nStep one.',
    );
  });

  it('should return a plain text document whole', () => {
    expect(articleText('Reboot the VPS from the panel.\n', 'VPS')).toBe(
      'Reboot the VPS from the panel.',
    );
  });
});

describe(articleFilename.name, () => {
  it.each([
    ['SSL certificates & AutoSSL', 'ssl-certificates-autossl.md'],
    ['Zurück zur Übersicht', 'zuruck-zur-ubersicht.md'],
    ['???', 'article.md'],
  ])('should name "%s" %s', (title, filename) => {
    expect(articleFilename(title)).toBe(filename);
  });
});
