import { toDraftStatsResponse } from './draft-stats';
import type { DraftStatsRow } from './draft-stats.repository';

function aRow(overrides: Partial<DraftStatsRow>): DraftStatsRow {
  return {
    start: null,
    created: 0,
    approved: 0,
    sent: 0,
    rejected: 0,
    edited: 0,
    mean_edit_ratio: null,
    ...overrides,
  };
}

describe(toDraftStatsResponse.name, () => {
  it('should derive acceptance and edit rates from the counts', () => {
    const response = toDraftStatsResponse([
      aRow({ start: new Date('2026-03-01T00:00:00Z'), created: 5, approved: 3, rejected: 1 }),
      aRow({ created: 5, approved: 3, sent: 2, rejected: 1, edited: 2, mean_edit_ratio: 0.2 }),
    ]);

    expect(response.buckets).toEqual([
      expect.objectContaining({ start: '2026-03-01T00:00:00.000Z', acceptanceRate: 0.75 }),
    ]);
    expect(response.totals).toEqual({
      created: 5,
      approved: 3,
      sent: 2,
      rejected: 1,
      acceptanceRate: 0.75,
      edited: 2,
      editRate: 2 / 3,
      meanEditRatio: 0.2,
    });
  });

  it('should leave the rates empty when nothing was decided', () => {
    const { totals } = toDraftStatsResponse([aRow({ created: 2 })]);

    expect(totals).toMatchObject({ acceptanceRate: null, editRate: null, meanEditRatio: null });
  });

  it('should refuse rows without totals', () => {
    expect(() => toDraftStatsResponse([])).toThrow('without totals');
  });
});
