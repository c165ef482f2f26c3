import { StreamWatchdog } from './stream-watchdog';

describe(StreamWatchdog.name, () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('should abort as a first-token timeout when nothing arrives in time', () => {
    const watchdog = new StreamWatchdog(1_000, 100);
    watchdog.start();

    jest.advanceTimersByTime(999);
    expect(watchdog.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);

    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.reason).toBe('first_token_timeout');
  });

  it('should keep a stream alive while chunks arrive and abort it as stalled after the silence', () => {
    const watchdog = new StreamWatchdog(1_000, 100);
    watchdog.start();
    jest.advanceTimersByTime(900);

    for (let chunk = 0; chunk < 20; chunk += 1) {
      watchdog.touch();
      jest.advanceTimersByTime(99);
    }
    expect(watchdog.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);

    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.reason).toBe('stalled');
  });

  it('should not fire once stopped, even if touched afterwards', () => {
    const watchdog = new StreamWatchdog(1_000, 100);
    watchdog.start();
    watchdog.touch();
    watchdog.stop();
    watchdog.touch();
    watchdog.stop();

    jest.advanceTimersByTime(5_000);

    expect(watchdog.signal.aborted).toBe(false);
  });
});
