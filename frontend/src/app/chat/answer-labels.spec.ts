import { describe, expect, it } from '@jest/globals';

import { confidenceLabel } from './answer-labels';

describe(confidenceLabel.name, () => {
  it('should name the band and the share, coloured by the band', () => {
    expect([0.83, 0.6, 0.2].map((value) => confidenceLabel(value))).toMatchObject([
      { label: 'High confidence · 83%', tone: 'success' },
      { label: 'Medium confidence · 60%', tone: 'warning' },
      { label: 'Low confidence · 20%', tone: 'danger' },
    ]);
  });
});
