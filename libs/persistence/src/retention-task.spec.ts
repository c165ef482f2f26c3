import { createLogger } from '@deskpilot/observability';

import { RetentionTask } from './retention-task';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-03-01T12:00:00Z');

/** Records with their dates; deletes the oldest first, as the repositories do. */
class DatedRecords extends RetentionTask {
  protected readonly records = 'records';
  protected readonly batch = 2;
  readonly cutoffs: Date[] = [];

  constructor(
    days: number,
    public dates: Date[],
    private readonly failing = false,
  ) {
    super(days, createLogger({ service: 'test', instanceId: 'test', level: 'silent' }));
  }

  protected deleteBefore(cutoff: Date, limit: number): Promise<number> {
    this.cutoffs.push(cutoff);
    if (this.failing) {
      return Promise.reject(new Error('database unavailable'));
    }
    const old = this.dates.filter((date) => date < cutoff).slice(0, limit);
    this.dates = this.dates.filter((date) => !old.includes(date));
    return Promise.resolve(old.length);
  }
}

describe(RetentionTask.name, () => {
  it('should delete everything from before the period, batch after batch', async () => {
    const dates = [40, 35, 31, 29, 1].map((days) => new Date(NOW.getTime() - days * DAY));
    const sut = new DatedRecords(30, dates);

    expect(await sut.prune(NOW)).toBe(3);

    expect(sut.dates).toEqual(dates.slice(3));
    expect(sut.cutoffs).toEqual([
      new Date(NOW.getTime() - 30 * DAY),
      new Date(NOW.getTime() - 30 * DAY),
    ]);
  });

  it('should keep everything and ask nothing with a period of 0 days', async () => {
    const sut = new DatedRecords(0, [new Date(0)]);

    expect(await sut.prune(NOW)).toBe(0);

    expect(sut.cutoffs).toEqual([]);
  });

  it('should report what it deleted when the database fails, and not throw', async () => {
    const sut = new DatedRecords(30, [new Date(0)], true);

    await expect(sut.prune(NOW)).resolves.toBe(0);
  });
});
