import { describe, expect, it } from '@jest/globals';

import { CONFIDENCE_BANDS, confidenceBand, confidenceTone } from './confidence-bands';

describe(confidenceBand.name, () => {
  it('should put each confidence in one band, a bound in the higher one', () => {
    expect([1, 0.8, 0.7999, 0.5, 0.4999, 0].map((value) => confidenceBand(value).value)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ]);
  });

  it('should give the filters the bounds the labels use', () => {
    for (const band of CONFIDENCE_BANDS) {
      if (band.min !== undefined) {
        expect(confidenceBand(band.min)).toBe(band);
        expect(confidenceBand(band.min - 0.001)).not.toBe(band);
      }
      if (band.below !== undefined) {
        expect(confidenceBand(band.below - 0.001)).toBe(band);
        expect(confidenceBand(band.below)).not.toBe(band);
      }
    }
  });
});

describe(confidenceTone.name, () => {
  it('should colour a confidence by its band, and no confidence neutral', () => {
    expect([0.9, 0.6, 0.1, null].map(confidenceTone)).toEqual([
      'success',
      'warning',
      'danger',
      'neutral',
    ]);
  });
});
