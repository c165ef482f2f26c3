import { retentionCutoff } from './log-retention.service';

describe(retentionCutoff.name, () => {
  const now = new Date('2026-12-06T10:00:00Z');

  it('should keep everything at 0 days', () => {
    expect(retentionCutoff(now, 0)).toBeUndefined();
  });

  it('should let go what is older than the period', () => {
    expect(retentionCutoff(now, 30)).toEqual(new Date('2026-11-06T10:00:00Z'));
    expect(retentionCutoff(now, 1)).toEqual(new Date('2026-12-05T10:00:00Z'));
  });
});
