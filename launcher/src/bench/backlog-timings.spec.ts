import { backlogTimings, perMinute } from './backlog-timings';

describe(backlogTimings.name, () => {
  it('should take the first and last request from creation and the last ready from the last change', () => {
    const sut = backlogTimings([
      { createdAt: '2026-12-05T08:00:01.000Z', updatedAt: '2026-12-05T08:00:30.000Z' },
      { createdAt: '2026-12-05T08:00:00.500Z', updatedAt: '2026-12-05T08:00:45.250Z' },
      { createdAt: '2026-12-05T08:00:20.000Z', updatedAt: '2026-12-05T08:00:21.000Z' },
    ]);

    expect(sut).toEqual({
      firstRequestAt: Date.parse('2026-12-05T08:00:00.500Z'),
      lastRequestAt: Date.parse('2026-12-05T08:00:20.000Z'),
      lastReadyAt: Date.parse('2026-12-05T08:00:45.250Z'),
    });
  });

  it('should refuse when there are no drafts', () => {
    expect(() => backlogTimings([])).toThrow('No drafts');
  });
});

describe(perMinute.name, () => {
  it('should scale the count to a minute', () => {
    expect(perMinute(500, 1_000, 31_000)).toBe(1000);
  });

  it('should refuse an empty interval', () => {
    expect(() => perMinute(1, 5, 5)).toThrow('Empty interval');
  });
});
