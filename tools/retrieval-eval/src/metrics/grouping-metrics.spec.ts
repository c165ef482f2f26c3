import { bcubed } from './grouping-metrics';

const classes: Record<string, string> = { a1: 'a', a2: 'a', a3: 'a', b1: 'b', b2: 'b' };
const classOf = (id: string): string => classes[id] ?? id;

describe(bcubed.name, () => {
  it('should score the true grouping 1 on every count', () => {
    expect(
      bcubed(
        [
          ['a1', 'a2', 'a3'],
          ['b1', 'b2'],
        ],
        classOf,
      ),
    ).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('should keep precision at 1 and lower recall when every item stands alone', () => {
    const score = bcubed([['a1'], ['a2'], ['a3'], ['b1'], ['b2']], classOf);

    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo((3 * (1 / 3) + 2 * (1 / 2)) / 5);
  });

  it('should lower precision when two classes share a group', () => {
    const score = bcubed([['a1', 'a2', 'a3', 'b1', 'b2']], classOf);

    expect(score.recall).toBe(1);
    expect(score.precision).toBeCloseTo((3 * (3 / 5) + 2 * (2 / 5)) / 5);
  });
});
