import { runBounded } from './run-bounded';

/** Work that finishes when the test says so, recording what runs at once. */
class Gate {
  readonly started: number[] = [];
  running = 0;
  peak = 0;
  private readonly waiting = new Map<number, () => void>();

  work = (item: number): Promise<void> => {
    this.started.push(item);
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    return new Promise((resolve) => {
      this.waiting.set(item, () => {
        this.running -= 1;
        resolve();
      });
    });
  };

  async finish(item: number): Promise<void> {
    this.waiting.get(item)?.();
    await new Promise((resolve) => setImmediate(resolve));
  }

  async finishAll(): Promise<void> {
    while (this.waiting.size > 0) {
      const [item, done] = [...this.waiting.entries()][0] ?? [0, () => undefined];
      this.waiting.delete(item);
      done();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe(runBounded.name, () => {
  it('should run at most the limit at once and start the items in their order', async () => {
    const gate = new Gate();

    const run = runBounded([1, 2, 3, 4, 5, 6, 7], 3, gate.work);
    await new Promise((resolve) => setImmediate(resolve));
    const startedFirst = [...gate.started];
    await gate.finish(2);
    const afterOne = [...gate.started];
    await gate.finishAll();
    await run;

    expect(startedFirst).toEqual([1, 2, 3]);
    expect(afterOne).toEqual([1, 2, 3, 4]);
    expect(gate.started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(gate.peak).toBe(3);
  });

  it('should start nothing more once stopped and let the running items finish', async () => {
    const gate = new Gate();
    let stop = false;

    const run = runBounded([1, 2, 3, 4, 5], 2, gate.work, () => stop);
    await new Promise((resolve) => setImmediate(resolve));
    stop = true;
    await gate.finishAll();
    await run;

    expect(gate.started).toEqual([1, 2]);
    expect(gate.running).toBe(0);
  });

  it('should throw the first error after the running items finished, starting no others', async () => {
    const gate = new Gate();
    let failTwo: (error: Error) => void = () => undefined;
    const work = (item: number): Promise<void> =>
      item === 2
        ? new Promise((_resolve, reject) => {
            failTwo = reject;
          })
        : gate.work(item);
    let settled = false;
    const outcome = runBounded([1, 2, 3, 4, 5], 2, work).then(
      () => undefined,
      (error: unknown) => error,
    );
    void outcome.finally(() => {
      settled = true;
    });

    await new Promise((resolve) => setImmediate(resolve));
    failTwo(new Error('item 2 failed'));
    await new Promise((resolve) => setImmediate(resolve));
    const settledWhileOneRan = settled;
    await gate.finishAll();

    expect(await outcome).toEqual(new Error('item 2 failed'));
    expect(settledWhileOneRan).toBe(false);
    expect(gate.started).toEqual([1]);
  });

  it('should do nothing for no items', async () => {
    const work = jest.fn(() => Promise.resolve());

    await runBounded([], 4, work);

    expect(work).not.toHaveBeenCalled();
  });
});
