import { spreadAcrossDocuments, withDocumentContext } from './document-context';

const passage = (id: string, documentId: string, score: number) => ({ id, documentId, score });

describe(withDocumentContext.name, () => {
  it('should rank a passage of a document with several matching passages above a lone better one', () => {
    const ranking = [
      passage('lone', 'short', 10),
      passage('hub-1', 'hub', 9),
      passage('hub-2', 'hub', 8),
    ];

    const ranked = withDocumentContext(ranking, { weight: 0.15, passages: 2 });

    expect(ranked.map((r) => r.id)).toEqual(['hub-1', 'lone', 'hub-2']);
    expect(ranked[0]?.score).toBeCloseTo(9 + 0.15 * 8);
    expect(ranked[2]?.score).toBeCloseTo(8 + 0.15 * 9);
  });

  it('should count only the best other passages of a document', () => {
    const ranking = [
      passage('a-1', 'a', 4),
      passage('a-2', 'a', 3),
      passage('a-3', 'a', 2),
      passage('a-4', 'a', 1),
    ];

    const ranked = withDocumentContext(ranking, { weight: 0.5, passages: 2 });

    expect(ranked.map((r) => r.score)).toEqual([
      4 + 0.5 * 5,
      3 + 0.5 * 6,
      2 + 0.5 * 7,
      1 + 0.5 * 7,
    ]);
  });

  it('should keep the ranking when the weight is zero', () => {
    const ranking = [passage('x', 'd', 2), passage('y', 'd', 1)];

    expect(withDocumentContext(ranking, { weight: 0, passages: 2 })).toEqual(ranking);
  });

  it('should keep the given order between candidates of equal score', () => {
    const ranking = [passage('x', 'd1', 1), passage('y', 'd2', 1)];

    expect(withDocumentContext(ranking, { weight: 0.2, passages: 2 }).map((r) => r.id)).toEqual([
      'x',
      'y',
    ]);
  });
});

describe(spreadAcrossDocuments.name, () => {
  it('should move a document’s further passages behind the first passage of every other document', () => {
    const candidates = [
      passage('a-1', 'a', 5),
      passage('a-2', 'a', 4),
      passage('b-1', 'b', 3),
      passage('a-3', 'a', 2),
      passage('c-1', 'c', 1),
    ];

    expect(spreadAcrossDocuments(candidates, 1).map((c) => c.id)).toEqual([
      'a-1',
      'b-1',
      'c-1',
      'a-2',
      'a-3',
    ]);
  });

  it('should allow the given number of passages per document before moving any', () => {
    const candidates = [
      passage('a-1', 'a', 3),
      passage('a-2', 'a', 2),
      passage('a-3', 'a', 1),
      passage('b-1', 'b', 0),
    ];

    expect(spreadAcrossDocuments(candidates, 2).map((c) => c.id)).toEqual([
      'a-1',
      'a-2',
      'b-1',
      'a-3',
    ]);
  });
});
