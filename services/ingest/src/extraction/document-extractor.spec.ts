import { buildDocx, buildEncryptedOffice, buildPdf } from '../../test/fixtures/documents';
import { DocumentExtractor } from './document-extractor';
import { ExtractionErrorCode } from './extraction.exception';

const limits = { maxBytes: 1_000_000, maxChars: 1_000_000 };
const declared = (filename: string, contentType = 'application/octet-stream') => ({
  filename,
  contentType,
});

describe(DocumentExtractor.name, () => {
  const sut = new DocumentExtractor();

  describe('extract', () => {
    it('should read every page and the metadata title when given a PDF', async () => {
      const pdf = buildPdf([['Restarting Apache.', 'Run the command below.'], ['Page two.']], {
        title: 'Web Server Guide',
      });

      const result = await sut.extract(pdf, declared('guide.bin'), limits);

      expect(result.type).toBe('pdf');
      expect(result.title).toBe('Web Server Guide');
      expect(result.blocks.map((b) => b.text).join(' ')).toContain('Restarting Apache.');
      expect(result.blocks.map((b) => b.text).join(' ')).toContain('Page two.');
    });

    it('should fail as encrypted when the PDF needs a password', async () => {
      const pdf = buildPdf([['Secret']], { encrypted: true });

      await expect(sut.extract(pdf, declared('x.pdf'), limits)).rejects.toMatchObject({
        code: ExtractionErrorCode.Encrypted,
        message: expect.stringContaining('password-protected') as string,
      });
    });

    it('should fail as corrupt when the PDF structure is broken', async () => {
      const broken = Buffer.from('%PDF-1.7\n1 0 obj garbage');

      await expect(sut.extract(broken, declared('x.pdf'), limits)).rejects.toMatchObject({
        code: ExtractionErrorCode.Corrupt,
      });
    });

    it('should fail as having no text when the PDF pages are empty', async () => {
      await expect(sut.extract(buildPdf([[]]), declared('scan.pdf'), limits)).rejects.toMatchObject(
        {
          code: ExtractionErrorCode.NoText,
          message: expect.stringContaining('no text layer') as string,
        },
      );
    });

    it('should keep Word headings as headings when given a DOCX', async () => {
      const docx = await buildDocx([
        { text: 'Email Setup', heading: 1 },
        { text: 'Create a mailbox in the control panel.' },
        { text: 'Webmail', heading: 2 },
        { text: 'Open webmail in a browser.' },
      ]);

      const result = await sut.extract(docx, declared('email.pdf', 'application/pdf'), limits);

      expect(result.type).toBe('docx');
      expect(result.title).toBe('Email Setup');
      expect(result.blocks).toEqual([
        { kind: 'heading', level: 1, text: 'Email Setup' },
        { kind: 'paragraph', text: 'Create a mailbox in the control panel.' },
        { kind: 'heading', level: 2, text: 'Webmail' },
        { kind: 'paragraph', text: 'Open webmail in a browser.' },
      ]);
    });

    it('should fail as corrupt when a DOCX archive is damaged', async () => {
      const docx = await buildDocx([{ text: 'Some text' }]);
      const damaged = docx.subarray(0, docx.length - 60);

      await expect(sut.extract(damaged, declared('x.docx'), limits)).rejects.toMatchObject({
        code: ExtractionErrorCode.Corrupt,
      });
    });

    it('should fail as encrypted when an Office file is password-protected', async () => {
      await expect(
        sut.extract(buildEncryptedOffice(), declared('secret.docx'), limits),
      ).rejects.toMatchObject({ code: ExtractionErrorCode.Encrypted });
    });

    it('should drop scripts and keep headings and the title when given HTML', async () => {
      const html = `<!doctype html><html><head><title>DNS &amp; Mail</title>
        <script>alert(1)</script><style>p{color:red}</style></head>
        <body><nav>Home | About</nav><h1>DNS</h1><p>Add an <b>MX</b> record.</p>
        <h2>SPF</h2><ul><li>List senders</li><li>Publish TXT</li></ul></body></html>`;

      const result = await sut.extract(Buffer.from(html), declared('notes.txt'), limits);

      expect(result.type).toBe('html');
      expect(result.title).toBe('DNS & Mail');
      expect(result.blocks).toEqual([
        { kind: 'heading', level: 1, text: 'DNS' },
        { kind: 'paragraph', text: 'Add an MX record.' },
        { kind: 'heading', level: 2, text: 'SPF' },
        { kind: 'list', text: '* List senders\n* Publish TXT' },
      ]);
    });

    it.each([
      ['main', '<main><h1>Pointing a domain</h1><p>Set the nameservers.</p></main>'],
      [
        'role="main"',
        '<div role="main"><h1>Pointing a domain</h1><p>Set the nameservers.</p></div>',
      ],
      ['article', '<article><h1>Pointing a domain</h1><p>Set the nameservers.</p></article>'],
    ])(
      'should read a web page from its %s content only, titled by its heading',
      async (_root, content) => {
        const html = `<html><head><title>Pointing a domain - Knowledgebase - Example Host</title>
          </head><body><header><a href="/">Example Host</a> Menu: Store, Support</header>
          <aside>Popular articles: Webmail login</aside>${content}
          <div class="cookies">We use cookies.</div></body></html>`;

        const result = await sut.extract(Buffer.from(html), declared('domains.html'), limits);

        expect(result.title).toBe('Pointing a domain');
        expect(result.blocks).toEqual([
          { kind: 'heading', level: 1, text: 'Pointing a domain' },
          { kind: 'paragraph', text: 'Set the nameservers.' },
        ]);
      },
    );

    it('should read a page without a content root less its header and sidebars', async () => {
      const html = `<html><head><title>Webmail login - Knowledgebase - Example Host</title></head>
        <body><header id="header"><a href="/">Example Host</a> Store Support</header>
        <nav class="master-breadcrumb">Portal Home / Knowledgebase</nav>
        <section id="main-body"><div class="row">
          <div class="col-lg-4"><div class="sidebar">Categories: Email (12)</div></div>
          <div class="col-lg-8 primary-content"><h1>Webmail login</h1>
            <p>Open webmail on port 2096.</p></div>
        </div></section>
        <div role="contentinfo">Copyright Example Host</div></body></html>`;

      const result = await sut.extract(Buffer.from(html), declared('webmail.html'), limits);

      expect(result.title).toBe('Webmail login');
      expect(result.blocks).toEqual([
        { kind: 'heading', level: 1, text: 'Webmail login' },
        { kind: 'paragraph', text: 'Open webmail on port 2096.' },
      ]);
    });

    it('should read a page named as HTML with few tags as HTML, titled by its heading', async () => {
      const html = '<main><h1>Restoring a backup</h1><p>Open JetBackup.</p></main>';

      const result = await sut.extract(Buffer.from(html), declared('backups.html'), limits);

      expect(result.type).toBe('html');
      expect(result.title).toBe('Restoring a backup');
    });

    it('should keep a title that only begins with the heading', async () => {
      const html =
        '<html><head><title>DNS records: a primer</title></head><body><h1>DNS records</h1>' +
        '<p>Text.</p></body></html>';

      const result = await sut.extract(Buffer.from(html), declared('dns.html'), limits);

      expect(result.title).toBe('DNS records: a primer');
    });

    it('should parse Markdown structure when the content shows Markdown syntax', async () => {
      const markdown =
        '# Backups\n\nNightly copies.\n\n## Restore\n\n1. Open the panel\n2. Pick a date\n';

      const result = await sut.extract(Buffer.from(markdown), declared('backups.txt'), limits);

      expect(result.type).toBe('markdown');
      expect(result.title).toBe('Backups');
      expect(result.blocks[2]).toEqual({ kind: 'heading', level: 2, text: 'Restore' });
    });

    it('should read plain text in legacy encodings when it is not UTF-8', async () => {
      const latin1 = Buffer.from('Caf\xe9 opening hours are nine to five.', 'latin1');

      const result = await sut.extract(latin1, declared('hours.txt', 'text/plain'), limits);

      expect(result.type).toBe('text');
      expect(result.blocks).toEqual([
        { kind: 'paragraph', text: 'Café opening hours are nine to five.' },
      ]);
    });

    it('should fail as empty when the file has no bytes or only whitespace', async () => {
      await expect(sut.extract(Buffer.alloc(0), declared('a.txt'), limits)).rejects.toMatchObject({
        code: ExtractionErrorCode.Empty,
      });
      await expect(
        sut.extract(Buffer.from(' \n\t '), declared('a.txt'), limits),
      ).rejects.toMatchObject({ code: ExtractionErrorCode.Empty });
    });

    it('should fail as too large when the file exceeds the limit', async () => {
      const big = Buffer.alloc(2_048, 'a');

      await expect(
        sut.extract(big, declared('a.txt'), { maxBytes: 1_024, maxChars: 10_000 }),
      ).rejects.toMatchObject({
        code: ExtractionErrorCode.TooLarge,
        message: 'The file is 2.0 KB; the limit is 1.0 KB.',
      });
    });

    it('should fail as too large when the extracted text exceeds the character limit', async () => {
      const text = Buffer.from('word '.repeat(500));

      await expect(
        sut.extract(text, declared('a.txt'), { maxBytes: 10_000, maxChars: 100 }),
      ).rejects.toMatchObject({ code: ExtractionErrorCode.TooLarge });
    });

    it('should refuse binary files whatever their name says when given an image', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

      await expect(
        sut.extract(png, declared('manual.pdf', 'application/pdf'), limits),
      ).rejects.toMatchObject({
        code: ExtractionErrorCode.Unsupported,
        message: expect.stringContaining('PNG image') as string,
      });
    });

    it('should refuse a ZIP archive when it is not a Word document', async () => {
      const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

      await expect(sut.extract(zip, declared('x.docx'), limits)).rejects.toMatchObject({
        code: ExtractionErrorCode.Unsupported,
      });
    });
  });
});
