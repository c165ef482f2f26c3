/**
 * Runs tasks one after another, in the order they were given. A task that fails rejects its own
 * promise and does not stop the tasks after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
