import type { Block } from '../blocks/block';
import { estimateTokens } from '../tokens/token-estimator';
import { chunkBlocks } from './chunk-blocks';

const sentence = (n: number): string => `Sentence number ${n} talks about mail.`;
const paragraph = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');
const SENTENCE_TOKENS = estimateTokens(sentence(1));

describe(chunkBlocks.name, () => {
  it('should pack small paragraphs together when they fit the budget', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: 'Alpha one.' },
      { kind: 'paragraph', text: 'Beta two.' },
    ];
    expect(chunkBlocks(blocks, { maxTokens: 50, overlapTokens: 0 })).toEqual([
      { index: 0, headingPath: [], text: 'Alpha one.\n\nBeta two.', tokenCount: 6 },
    ]);
  });

  it('should start a chunk at each heading and keep the heading path when sections nest', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'Email Guide' },
      { kind: 'paragraph', text: 'Intro.' },
      { kind: 'heading', level: 2, text: 'DKIM' },
      { kind: 'paragraph', text: 'Sign mail.' },
      { kind: 'heading', level: 3, text: 'Keys' },
      { kind: 'list', text: '- Rotate\n- Publish' },
      { kind: 'heading', level: 2, text: 'SPF' },
      { kind: 'paragraph', text: 'List senders.' },
    ];
    const chunks = chunkBlocks(blocks, { maxTokens: 100, overlapTokens: 10 });
    expect(chunks.map((chunk) => [chunk.headingPath, chunk.text])).toEqual([
      [['Email Guide'], 'Intro.'],
      [['Email Guide', 'DKIM'], 'Sign mail.'],
      [['Email Guide', 'DKIM', 'Keys'], '- Rotate\n- Publish'],
      [['Email Guide', 'SPF'], 'List senders.'],
    ]);
    expect(chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2, 3]);
  });

  it('should leave the title out of the heading path when the first heading repeats it', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'Email  guide' },
      { kind: 'heading', level: 2, text: 'DKIM' },
      { kind: 'paragraph', text: 'Sign mail.' },
    ];
    const chunks = chunkBlocks(blocks, { maxTokens: 100, overlapTokens: 0, title: 'Email Guide' });
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([['DKIM']]);
  });

  it('should split a huge paragraph at sentences and carry overlap when there are no headings', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: paragraph(1, 40) }];
    const maxTokens = SENTENCE_TOKENS * 5;
    const chunks = chunkBlocks(blocks, { maxTokens, overlapTokens: SENTENCE_TOKENS });
    expect(chunks.length).toBe(10);
    expect(chunks[0]!.text).toBe(paragraph(1, 5));
    expect(chunks[1]!.text).toBe(paragraph(5, 5));
    expect(chunks.every((chunk) => chunk.tokenCount <= maxTokens)).toBe(true);
    expect(chunks.every((chunk) => chunk.tokenCount === estimateTokens(chunk.text))).toBe(true);
    expect(chunks[chunks.length - 1]!.text.endsWith(sentence(40))).toBe(true);
  });

  it('should move a whole paragraph to the next chunk when it does not fit the rest', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: paragraph(1, 3) },
      { kind: 'paragraph', text: paragraph(4, 3) },
    ];
    const chunks = chunkBlocks(blocks, { maxTokens: SENTENCE_TOKENS * 4, overlapTokens: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([paragraph(1, 3), paragraph(4, 3)]);
  });

  it('should not carry overlap across a heading', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', text: paragraph(1, 3) },
      { kind: 'heading', level: 2, text: 'Next' },
      { kind: 'paragraph', text: paragraph(4, 1) },
    ];
    const chunks = chunkBlocks(blocks, { maxTokens: 200, overlapTokens: 50 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([paragraph(1, 3), sentence(4)]);
  });

  it('should fall back to word windows when a single sentence exceeds the budget', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const chunks = chunkBlocks([{ kind: 'paragraph', text: words }], {
      maxTokens: 10,
      overlapTokens: 0,
    });
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(words);
    expect(chunks.every((chunk) => chunk.tokenCount <= 10 && chunk.text.length > 0)).toBe(true);
  });

  it('should cut a giant word into pieces within the budget when it has no spaces', () => {
    const blob = 'x'.repeat(500);
    const chunks = chunkBlocks([{ kind: 'code', text: blob }], { maxTokens: 8, overlapTokens: 0 });
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(blob);
    expect(chunks.every((chunk) => chunk.tokenCount <= 8)).toBe(true);
    expect(chunks.length).toBeLessThan(500 / 8 + 1);
  });

  it('should split long lists at item lines when the list exceeds the budget', () => {
    const items = Array.from({ length: 12 }, (_, i) => `- item ${i} about mailbox quotas`);
    const chunks = chunkBlocks([{ kind: 'list', text: items.join('\n') }], {
      maxTokens: estimateTokens(items[0]!) * 4,
      overlapTokens: 0,
    });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      items.slice(0, 4).join('\n'),
      items.slice(4, 8).join('\n'),
      items.slice(8).join('\n'),
    ]);
  });

  it('should emit no chunks when there is no body text', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'Empty' },
      { kind: 'paragraph', text: '  ' },
    ];
    expect(chunkBlocks(blocks, { maxTokens: 10, overlapTokens: 2 })).toEqual([]);
  });

  it('should return identical chunks when called twice with the same input', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: paragraph(1, 25) }];
    const options = { maxTokens: 40, overlapTokens: 12 };
    expect(chunkBlocks(blocks, options)).toEqual(chunkBlocks(blocks, options));
  });

  it('should throw when the budget options are inconsistent', () => {
    expect(() => chunkBlocks([], { maxTokens: 0, overlapTokens: 0 })).toThrow(RangeError);
    expect(() => chunkBlocks([], { maxTokens: 10, overlapTokens: 10 })).toThrow(RangeError);
  });
});
