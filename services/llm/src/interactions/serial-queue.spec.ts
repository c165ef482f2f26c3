import { SerialQueue } from './serial-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('SerialQueue', () => {
  it('should start a task only after the one before it has settled', async () => {
    const sut = new SerialQueue();
    const first = deferred();
    const started: string[] = [];
    const one = sut.run(async () => {
      started.push('one');
      await first.promise;
    });
    const two = sut.run(() => {
      started.push('two');
      return Promise.resolve();
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['one']);
    first.resolve();
    await Promise.all([one, two]);
    expect(started).toEqual(['one', 'two']);
  });

  it('should give each task its own result', async () => {
    const sut = new SerialQueue();
    await expect(
      Promise.all([sut.run(() => Promise.resolve(1)), sut.run(() => Promise.resolve('b'))]),
    ).resolves.toEqual([1, 'b']);
  });

  it('should run the next task when one fails, and reject only the failed one', async () => {
    const sut = new SerialQueue();
    const failed = sut.run(() => Promise.reject(new Error('write failed')));
    const next = sut.run(() => Promise.resolve('written'));
    await expect(failed).rejects.toThrow('write failed');
    await expect(next).resolves.toBe('written');
  });
});
