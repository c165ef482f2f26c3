import { MAX_DRAFT_REQUESTS, recoveryAt, retryAt } from './draft-schedule';

const MINUTE = 60_000;

describe('draft schedule', () => {
  const created = new Date('2025-01-01T10:00:00Z');
  const after = (minutes: number): Date => new Date(created.getTime() + minutes * MINUTE);
  const minutesUntil = (at: Date | null, from: Date): number | null =>
    at === null ? null : (at.getTime() - from.getTime()) / MINUTE;

  it('should double the wait after each failed request', () => {
    expect(minutesUntil(retryAt(1, created), created)).toBe(1);
    expect(minutesUntil(retryAt(3, created), created)).toBe(4);
  });

  it('should ask for a failed draft again after five minutes, then twice as long, at most hourly', () => {
    const rounds = [0, 1, 2, 3, 4, 8].map((round) =>
      minutesUntil(
        recoveryAt({ requestAttempts: MAX_DRAFT_REQUESTS + round, createdAt: created }, after(30)),
        after(30),
      ),
    );

    expect(rounds).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('should treat a draft refused at its first request like one that used all its requests', () => {
    expect(
      minutesUntil(recoveryAt({ requestAttempts: 1, createdAt: created }, created), created),
    ).toBe(5);
  });

  it('should stop asking a day after the draft was created', () => {
    const draft = { requestAttempts: 20, createdAt: created };

    expect(recoveryAt(draft, after(22 * 60))).toEqual(after(23 * 60));
    expect(recoveryAt(draft, after(23 * 60 + 30))).toBeNull();
  });
});
