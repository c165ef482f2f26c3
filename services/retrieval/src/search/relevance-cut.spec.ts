import { cutByRelevance } from './relevance-cut';

const hits = (...scores: (number | null)[]) =>
  scores.map((lexicalScore, i) => ({ id: `hit-${i + 1}`, lexicalScore }));

describe(cutByRelevance.name, () => {
  it('should keep the first hits and, after them, only those close enough to the best', () => {
    const kept = cutByRelevance(hits(10, 2, 5, 2.9, 3, 1), { keep: 2, share: 0.3 });

    expect(kept.map((hit) => hit.id)).toEqual(['hit-1', 'hit-2', 'hit-3', 'hit-5']);
  });

  it('should measure against the best score wherever it is', () => {
    const kept = cutByRelevance(hits(4, 10, 3.5, 2), { keep: 1, share: 0.3 });

    expect(kept.map((hit) => hit.id)).toEqual(['hit-1', 'hit-2', 'hit-3']);
  });

  it('should drop hits past the first ones that have no full-text score', () => {
    const kept = cutByRelevance(hits(null, 8, null, 7), { keep: 2, share: 0.5 });

    expect(kept.map((hit) => hit.id)).toEqual(['hit-1', 'hit-2', 'hit-4']);
  });

  it('should cut nothing when no hit has a full-text score or no cut is asked for', () => {
    expect(cutByRelevance(hits(null, null, null), { keep: 1, share: 0.9 })).toHaveLength(3);
    expect(cutByRelevance(hits(9, 1, 1), undefined)).toHaveLength(3);
  });
});
