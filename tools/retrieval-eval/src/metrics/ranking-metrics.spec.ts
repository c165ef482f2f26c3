import { evaluateRun, ndcgAt, recallAt, reciprocalRankAt } from './ranking-metrics';

const gold = new Map([['d2', 1]]);

describe('ranking metrics', () => {
  it('should count a relevant document only within the cut-off when computing recall', () => {
    expect(recallAt(['d1', 'd2'], gold, 1)).toBe(0);
    expect(recallAt(['d1', 'd2'], gold, 2)).toBe(1);
  });

  it('should discount a relevant document by its rank when computing nDCG', () => {
    expect(ndcgAt(['d2'], gold, 10)).toBe(1);
    expect(ndcgAt(['d1', 'd2'], gold, 10)).toBeCloseTo(1 / Math.log2(3));
  });

  it('should count a repeated document once at its best rank', () => {
    expect(reciprocalRankAt(['d1', 'd1', 'd2'], gold, 2)).toBe(0.5);
  });

  it('should score a query missing from the run as zero when averaging', () => {
    const qrels = new Map([
      ['q1', gold],
      ['q2', gold],
    ]);

    const summary = evaluateRun(new Map([['q1', ['d2']]]), qrels);

    expect(summary).toMatchObject({ queries: 2, recallAt1: 0.5, mrrAt10: 0.5 });
  });
});
