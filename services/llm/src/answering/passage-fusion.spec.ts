import type { AnswerPassage } from '@deskpilot/contracts';

import { fusePassages } from './passage-fusion';

function passage(chunk: string, index: number): AnswerPassage {
  return {
    index,
    chunkId: chunk,
    documentId: `doc-${chunk}`,
    documentTitle: `Article ${chunk}`,
    documentVersion: 1,
    headingPath: [],
    text: `Text of ${chunk}.`,
    score: 1 / index,
    denseScore: null,
    lexicalScore: 1 / index,
  };
}

function list(...chunks: string[]): AnswerPassage[] {
  return chunks.map((chunk, position) => passage(chunk, position + 1));
}

describe(fusePassages.name, () => {
  it('should alternate the lists, the first list first, and number the passages again', () => {
    const fused = fusePassages([list('de-1', 'de-2'), list('en-1', 'en-2', 'en-3')], 10);

    expect(fused.map((hit) => [hit.index, hit.chunkId])).toEqual([
      [1, 'de-1'],
      [2, 'en-1'],
      [3, 'de-2'],
      [4, 'en-2'],
      [5, 'en-3'],
    ]);
  });

  it('should put a passage that both searches find first, once', () => {
    const fused = fusePassages([list('de-1', 'both'), list('en-1', 'both')], 10);

    expect(fused.map((hit) => hit.chunkId)).toEqual(['both', 'de-1', 'en-1']);
  });

  it('should keep at most the limit', () => {
    const fused = fusePassages([list('a', 'b', 'c'), list('d', 'e', 'f')], 4);

    expect(fused.map((hit) => hit.chunkId)).toEqual(['a', 'd', 'b', 'e']);
  });

  it('should keep one list as it is', () => {
    expect(fusePassages([list('a', 'b')], 10)).toEqual(list('a', 'b'));
    expect(fusePassages([[], []], 10)).toEqual([]);
  });
});
