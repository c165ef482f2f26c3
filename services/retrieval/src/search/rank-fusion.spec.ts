import { fuseRankings } from './rank-fusion';

const ranking = (...ids: string[]) =>
  ids.map((id, i) => ({ id, documentId: `doc-${id}`, score: 10 - i }));

describe(fuseRankings.name, () => {
  it('should rank first a candidate both rankings place high when weights are equal', () => {
    const fused = fuseRankings(ranking('a', 'b', 'c'), ranking('b', 'd', 'e'), 0.5, 60);

    expect(fused.map((c) => c.id)).toEqual(['b', 'a', 'd', 'c', 'e']);
  });

  it('should follow the lexical ranking when the dense weight is zero', () => {
    const fused = fuseRankings(ranking('a', 'b'), ranking('x', 'y'), 0, 60);

    expect(fused.slice(0, 2).map((c) => c.id)).toEqual(['x', 'y']);
  });

  it('should follow the dense ranking when the dense weight is one', () => {
    const fused = fuseRankings(ranking('a', 'b'), ranking('x', 'y'), 1, 60);

    expect(fused.slice(0, 2).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('should report each side rank and score when a candidate appears in both', () => {
    const [first] = fuseRankings(ranking('a'), ranking('z', 'a'), 0.5, 10);

    expect(first).toEqual({
      id: 'a',
      documentId: 'doc-a',
      score: 0.5 / 11 + 0.5 / 12,
      denseRank: 1,
      denseScore: 10,
      lexicalRank: 2,
      lexicalScore: 9,
    });
  });

  it('should return nothing when both rankings are empty', () => {
    expect(fuseRankings([], [], 0.5, 60)).toEqual([]);
  });
});
