import { bandAccuracy, rocAuc } from './confidence-metrics';

const judged = (pairs: [number, boolean][]) =>
  pairs.map(([confidence, right]) => ({ confidence, right }));

describe(rocAuc.name, () => {
  it('should be 1 when every right answer is more confident than every wrong one', () => {
    expect(
      rocAuc(
        judged([
          [0.9, true],
          [0.8, true],
          [0.3, false],
          [0.1, false],
        ]),
      ),
    ).toBe(1);
  });

  it('should be 0 when the confidence has it the wrong way round', () => {
    expect(
      rocAuc(
        judged([
          [0.2, true],
          [0.9, false],
        ]),
      ),
    ).toBe(0);
  });

  it('should count equal confidences half, so one confidence for all gives 0.5', () => {
    expect(
      rocAuc(
        judged([
          [1, true],
          [1, false],
          [1, true],
          [1, false],
        ]),
      ),
    ).toBe(0.5);
    expect(
      rocAuc(
        judged([
          [0.9, true],
          [0.5, true],
          [0.5, false],
          [0.1, false],
        ]),
      ),
    ).toBe(0.875);
  });

  it('should have no value without both right and wrong answers', () => {
    expect(rocAuc(judged([[0.9, true]]))).toBeUndefined();
    expect(rocAuc([])).toBeUndefined();
  });
});

describe(bandAccuracy.name, () => {
  it('should give each band its answers and the share right', () => {
    const answers = judged([
      [0.95, true],
      [0.85, false],
      [0.6, true],
      [0.2, false],
    ]);

    expect(bandAccuracy(answers, [0.8, 0, 0.5])).toEqual([
      { from: 0, answers: 1, right: 0 },
      { from: 0.5, answers: 1, right: 1 },
      { from: 0.8, answers: 2, right: 0.5 },
    ]);
  });
});
