export type WatchdogReason = 'first_token_timeout' | 'stalled';

/**
 * Aborts a model call that goes quiet: before the first token after `firstTokenMs` (retries
 * included), afterwards when no chunk arrives for `inactivityMs`. The SDK's own timeout only
 * covers the wait for response headers, and OpenRouter sends those at once.
 */
export class StreamWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private armedFor: WatchdogReason | undefined;
  private firedReason: WatchdogReason | undefined;

  constructor(
    private readonly firstTokenMs: number,
    private readonly inactivityMs: number,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get reason(): WatchdogReason | undefined {
    return this.firedReason;
  }

  /** Time left before the first-token deadline, for deciding whether a retry can still fit. */
  remainingBeforeFirstToken(startedAt: number): number {
    return this.firstTokenMs - (Date.now() - startedAt);
  }

  start(): void {
    this.arm(this.firstTokenMs, 'first_token_timeout');
  }

  /** A chunk arrived after the first token: the silence clock starts again. */
  touch(): void {
    if (this.armedFor === 'stalled' && this.timer !== undefined) {
      this.timer.refresh();
      return;
    }
    this.arm(this.inactivityMs, 'stalled');
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number, reason: WatchdogReason): void {
    clearTimeout(this.timer);
    this.armedFor = reason;
    this.timer = setTimeout(() => {
      this.firedReason = reason;
      this.controller.abort(new Error(reason));
    }, ms);
  }
}
