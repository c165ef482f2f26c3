import { percentile } from './percentiles';
import { SyntheticCorpus, misspell } from './synthetic-corpus';

describe(SyntheticCorpus.name, () => {
  it('should generate the same chunks when seeded alike', () => {
    const first = [...new SyntheticCorpus(1, 500).chunks(3, 2)];
    const second = [...new SyntheticCorpus(1, 500).chunks(3, 2)];

    expect(first).toEqual(second);
    expect(first.map((chunk) => chunk.documentIndex)).toEqual([0, 0, 1]);
  });
});

describe(misspell.name, () => {
  it('should swap two neighbouring letters of the longest word', () => {
    expect(misspell('how do I record tapes')).toBe('how do I rceord tapes');
    expect(misspell('add mailbox')).toBe('add mialbox');
    expect(misspell('a too')).toBe('a too');
  });
});

describe(percentile.name, () => {
  it('should pick the nearest-rank value when given samples', () => {
    const samples = [5, 1, 4, 2, 3];

    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});
