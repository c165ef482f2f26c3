import { answerOverlap } from './answer-overlap';

describe(answerOverlap.name, () => {
  it('should count shared content words as often as both texts have them', () => {
    const overlap = answerOverlap(
      'Restart Apache in WHM, then restart Apache again.',
      'You can restart the Apache web server in WHM.',
    );

    // Said: restart apach whm restart apach; expected: restart apach web server whm.
    expect(overlap.precision).toBeCloseTo(3 / 5);
    expect(overlap.recall).toBeCloseTo(3 / 5);
    expect(overlap.f1).toBeCloseTo(3 / 5);
  });

  it('should give nothing for an answer without a shared word or an empty one', () => {
    expect(answerOverlap('Invoices are monthly.', 'Restart Apache.').f1).toBe(0);
    expect(answerOverlap('', 'Restart Apache.')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
