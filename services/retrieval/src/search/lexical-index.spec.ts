import type { TextLanguage } from '@deskpilot/text';

import { LexicalIndex } from './lexical-index';
import type { LexicalChunk } from './lexical-index';
import { buildLexicalQuery } from './lexical-query';
import type { LexicalQuery } from './lexical-query';

function chunk(
  id: string,
  tsvector: string,
  documentId = `doc-${id}`,
  tokenCount = 10,
  language: TextLanguage = 'english',
): LexicalChunk {
  return { id, documentId, tokenCount, language, search: tsvector };
}

/** The query as the search builds it: `words` in order, frequencies from the index. */
function queryOf(index: LexicalIndex, ...words: string[]): LexicalQuery {
  const lexemes = words.map((lexeme, i) => ({
    lexeme,
    positions: [i + 1],
    documentFrequency: index.documentFrequency(lexeme),
  }));
  return buildLexicalQuery(lexemes, index.size) as LexicalQuery;
}

const options = { limit: 10, rescore: 60 };

describe(LexicalIndex.name, () => {
  it('should rank a chunk with the query in its title above one with it only in the body', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('body', "'dns':5 'zone':9"),
      chunk('title', "'dns':1A 'zone':9"),
      chunk('other', "'mail':1"),
    ]);

    const ids = index.search(queryOf(index, 'dns'), options).map((hit) => hit.id);

    expect(ids).toEqual(['title', 'body']);
  });

  it('should rank words kept together above the same words apart', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('apart', "'reset':1 'password':9 'cpanel':5"),
      chunk('together', "'reset':1 'password':2 'cpanel':5"),
      chunk('one-apart', "'reset':1 'password':3 'cpanel':5"),
    ]);

    const hits = index.search(queryOf(index, 'reset', 'password'), options);

    expect(hits.map((hit) => hit.id)).toEqual(['together', 'one-apart', 'apart']);
  });

  it('should favour the shorter of two chunks with the same matches', () => {
    const index = new LexicalIndex();
    index.add([chunk('long', "'invoice':3", 'a', 400), chunk('short', "'invoice':3", 'b', 40)]);

    expect(index.search(queryOf(index, 'invoice'), options).map((hit) => hit.id)).toEqual([
      'short',
      'long',
    ]);
  });

  it('should weigh rare lexemes above common ones', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('rare', "'ssl':1 'renew':2"),
      chunk('common-1', "'renew':1"),
      chunk('common-2', "'renew':1 'domain':2"),
      chunk('common-3', "'renew':1 'domain':2"),
    ]);

    const hits = index.search(queryOf(index, 'domain', 'ssl'), options);

    expect(hits[0]?.id).toBe('rare');
    expect(index.documentFrequency('renew')).toBe(4);
  });

  it('should rank a chunk with every query word above one repeating the rarest', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('repeats', "'dkim':1,2,3,4,5,6,7,8"),
      chunk('both', "'dkim':1 'record':9"),
      ...['r1', 'r2', 'r3'].map((id) => chunk(id, "'record':1")),
      ...['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => chunk(id, "'mail':1")),
    ]);

    const ids = index.search(queryOf(index, 'dkim', 'record'), options).map((hit) => hit.id);

    expect(ids.slice(0, 2)).toEqual(['both', 'repeats']);
  });

  it('should keep to the given documents when asked to', () => {
    const index = new LexicalIndex();
    index.add([chunk('a', "'vps':1", 'doc-a'), chunk('b', "'vps':1", 'doc-b')]);

    const hits = index.search(queryOf(index, 'vps'), { ...options, documentIds: ['doc-b'] });

    expect(hits.map((hit) => hit.id)).toEqual(['b']);
  });

  it('should forget removed chunks and their statistics', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('a1', "'reboot':1", 'doc-a', 10),
      chunk('a2', "'reboot':1 'vps':2", 'doc-a', 30),
      chunk('b1', "'reboot':1", 'doc-b', 20),
    ]);

    index.removeDocument('doc-a');

    expect(index.search(queryOf(index, 'reboot'), options).map((hit) => hit.id)).toEqual(['b1']);
    expect(index.documentFrequency('reboot')).toBe(1);
    expect(index.documentFrequency('vps')).toBe(0);
    expect(index.size).toBe(1);
    expect(index.averageTokens).toBe(20);
    expect(index.chunkIdsOf('doc-a')).toEqual([]);
  });

  it('should correct a misspelt lexeme to one a live chunk contains', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('live', "'nameserv':1 'domain':2", 'doc-live'),
      chunk('gone', "'nameservic':1", 'doc-gone'),
    ]);
    index.removeDocument('doc-gone');

    expect(index.correction('nameserb')).toBe('nameserv');
    expect(index.correction('nameservi')).toBe('nameserv');
    expect(index.correction('invoic')).toBeUndefined();
  });

  it('should keep answering the same after removals compact the postings', () => {
    const index = new LexicalIndex();
    const kept = Array.from({ length: 50 }, (_, i) =>
      chunk(`keep-${i}`, "'mail':1", `doc-keep-${i}`, 100 - i),
    );
    const removed = Array.from({ length: 3_000 }, (_, i) =>
      chunk(`gone-${i}`, "'mail':1", `doc-gone-${i}`, 1_000),
    );
    index.add([...removed.slice(0, 1_500), ...kept, ...removed.slice(1_500)]);
    const before = index.search(queryOf(index, 'mail'), { limit: 50, rescore: 5_000 });

    index.remove(removed.map((c) => c.id));
    index.add([chunk('new', "'mail':1A")]);

    const after = index.search(queryOf(index, 'mail'), { limit: 100, rescore: 100 });
    expect(before.map((hit) => hit.id)).toEqual(kept.map((c) => c.id).reverse());
    expect(after.map((hit) => hit.id)).toEqual(['new', ...before.map((hit) => hit.id)]);
    expect(index.documentFrequency('mail')).toBe(51);
    expect(index.size).toBe(51);
  });

  it('should score in full only the best pre-ranked candidates', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('many', "'ftp':1,2,3,4"),
      chunk('few', "'ftp':1"),
      chunk('phrase', "'ftp':1 'upload':2"),
    ]);
    const query = buildLexicalQuery(
      [
        { lexeme: 'ftp', positions: [1], documentFrequency: 3 },
        { lexeme: 'upload', positions: [2], documentFrequency: 1 },
      ],
      3,
      3,
    ) as LexicalQuery;

    const hits = index.search(query, { limit: 1, rescore: 1 });

    expect(query.match).toEqual(['upload']);
    expect(hits.map((hit) => hit.id)).toEqual(['phrase']);
  });

  it('should know the languages its live chunks are analysed in', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('a', "'rechnung':1", 'doc-a', 10, 'german'),
      chunk('b', "'invoic':1"),
      chunk('c', "'factur':1", 'doc-c', 10, 'french'),
    ]);

    expect(index.languages()).toEqual(['english', 'german', 'french']);
    index.remove(['a']);
    index.removeDocument('doc-c');
    expect(index.languages()).toEqual(['english']);
  });

  it('should list the languages with most chunks first', () => {
    const index = new LexicalIndex();
    index.add([
      chunk('a', "'rechnung':1", 'doc-a', 10, 'german'),
      chunk('b', "'invoic':1"),
      chunk('c', "'vertrag':1", 'doc-c', 10, 'german'),
    ]);

    expect(index.languagesByChunks()).toEqual([
      { language: 'german', chunks: 2 },
      { language: 'english', chunks: 1 },
    ]);
    index.removeDocument('doc-c');
    index.removeDocument('doc-a');
    expect(index.languagesByChunks()).toEqual([{ language: 'english', chunks: 1 }]);
  });
});
