import { PeriodicCheck } from './periodic-check';

describe(PeriodicCheck.name, () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('should join a run in progress instead of starting a second one', async () => {
    let runs = 0;
    let finish = (): void => undefined;
    const check = new PeriodicCheck(
      () =>
        new Promise<void>((resolve) => {
          runs += 1;
          finish = resolve;
        }),
      () => undefined,
    );

    const first = check.run();
    const second = check.run();
    finish();
    await Promise.all([first, second]);
    const third = check.run();
    finish();
    await third;

    expect(first).toBe(second);
    expect(third).not.toBe(first);
    expect(runs).toBe(2);
  });

  it('should run every interval and report failures without stopping', async () => {
    jest.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const check = new PeriodicCheck(
      () => {
        runs += 1;
        return Promise.reject(new Error(`run ${runs}`));
      },
      (error) => errors.push(error),
    );

    check.start(2);
    await jest.advanceTimersByTimeAsync(4_100);
    await check.stop();
    await jest.advanceTimersByTimeAsync(10_000);

    expect(runs).toBe(2);
    expect(errors.map(String)).toEqual(['Error: run 1', 'Error: run 2']);
  });

  it('should never run on its own when the interval is 0', async () => {
    jest.useFakeTimers();
    let runs = 0;
    const check = new PeriodicCheck(
      () => {
        runs += 1;
        return Promise.resolve();
      },
      () => undefined,
    );

    check.start(0);
    await jest.advanceTimersByTimeAsync(60_000);

    expect(runs).toBe(0);
  });
});
