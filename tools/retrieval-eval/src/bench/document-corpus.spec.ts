import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DocumentCorpus } from './document-corpus';

const PARAGRAPH =
  'Restart the web server after changing the virtual host configuration, then check the error ' +
  'log for lines about the certificate chain and the listening port of the site.';

describe(DocumentCorpus.name, () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'document-corpus-'));
    mkdirSync(join(folder, 'b'));
    const guide = `# Web server\n\n## Restarting\n\n${PARAGRAPH}\n\n## Badge\n\nBuild passing.\n\n## Logs\n\n${PARAGRAPH}\n`;
    writeFileSync(join(folder, 'a.md'), guide);
    writeFileSync(join(folder, 'b', 'copy.md'), guide);
    writeFileSync(join(folder, 'b', 'notes.markdown'), `# Notes\n\nToo short.\n\n${PARAGRAPH}\n`);
    writeFileSync(join(folder, 'b', 'ignored.txt'), PARAGRAPH);
    writeFileSync(
      join(folder, 'b', 'page.html'),
      `<html><head><title>Web server guide</title></head><body><nav>Home Contents</nav>` +
        `<h1>Web server</h1><h2>Restarting</h2><p>${PARAGRAPH}</p></body></html>`,
    );
    writeFileSync(
      join(folder, 'print.html'),
      `<html><head><title>Everything</title></head><body><h1>Web server</h1>` +
        `<h2>Restarting</h2><p>${PARAGRAPH}</p><h2>Certificates</h2><p>${PARAGRAPH}</p></body></html>`,
    );
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('should chunk each distinct Markdown file once, with its headings, in path order, without tiny chunks', () => {
    const corpus = DocumentCorpus.read(folder, 'markdown', 100);

    expect(corpus.chunks.map((chunk) => [chunk.title, chunk.headings])).toEqual([
      ['a.md', ['Web server', 'Restarting']],
      ['a.md', ['Web server', 'Logs']],
      ['notes.markdown', ['Notes']],
    ]);
    expect(corpus.chunks.map((chunk) => chunk.documentIndex)).toEqual([0, 0, 1]);
  });

  it('should read HTML as ingest extracts it, titled by the page, keeping a passage published twice once', () => {
    const corpus = DocumentCorpus.read(folder, 'html', 100);

    expect(
      corpus.chunks.map((chunk) => [chunk.title, chunk.headings, chunk.documentIndex]),
    ).toEqual([
      ['Web server guide', ['Web server', 'Restarting'], 0],
      ['Everything', ['Web server', 'Certificates'], 1],
    ]);
    expect(corpus.chunks[0]?.text).not.toContain('Contents');
  });

  it('should stop at the limit', () => {
    expect(DocumentCorpus.read(folder, 'markdown', 1).chunks).toHaveLength(1);
  });

  it('should make the same queries from words of the chunk in every run', () => {
    const first = DocumentCorpus.read(folder, 'markdown', 100);
    const second = DocumentCorpus.read(folder, 'markdown', 100);
    const chunk = first.chunks[0]!;

    const query = first.queryFor(chunk);

    expect(second.queryFor(second.chunks[0]!)).toBe(query);
    const words = query.replace(/^how do I /u, '').split(' ');
    expect(words.length).toBeGreaterThanOrEqual(4);
    for (const word of words) {
      expect(PARAGRAPH.toLowerCase()).toContain(word);
    }
  });
});
