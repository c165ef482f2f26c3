/**
 * A check that runs every few seconds in the background, one run at a time: `run()` during a
 * run joins it. Used to compare an in-memory index with the table it mirrors.
 */
export class PeriodicCheck {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly check: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs the check every `seconds` from now on (never when 0). */
  start(seconds: number): void {
    if (seconds <= 0) {
      return;
    }
    this.timer = setInterval(() => {
      void this.run().catch(this.onError);
    }, seconds * 1_000);
    this.timer.unref();
  }

  run(): Promise<void> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
