import type { QueueStats } from '../core/broker';

type Handler<T> = (message: T) => Promise<void>;

interface Attached<T> {
  readonly handler: Handler<T>;
  readonly prefetch: number;
  inFlight: number;
  stopping: boolean;
}

/**
 * A FIFO queue with competing consumers, each limited to `prefetch` messages in flight.
 * Delivery is always asynchronous, as it is from a real broker.
 */
export class MemoryQueue<T> {
  private readonly pending: T[] = [];
  private readonly consumers: Attached<T>[] = [];
  private readonly running = new Set<Promise<void>>();
  private nextConsumer = 0;
  private scheduled = false;

  constructor(readonly name: string) {}

  push(message: T): void {
    this.pending.push(message);
    this.schedule();
  }

  /** Adds a consumer; the returned function detaches it once its messages in flight are done. */
  attach(prefetch: number, handler: Handler<T>): () => Promise<void> {
    const consumer: Attached<T> = { handler, prefetch, inFlight: 0, stopping: false };
    this.consumers.push(consumer);
    this.schedule();
    return async () => {
      consumer.stopping = true;
      const index = this.consumers.indexOf(consumer);
      if (index >= 0) {
        this.consumers.splice(index, 1);
      }
      await this.drain();
    };
  }

  /** Waits until no message is being handled. */
  async drain(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  stats(): QueueStats {
    return { queue: this.name, messages: this.pending.length, consumers: this.consumers.length };
  }

  private schedule(): void {
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.pending.length > 0) {
      const consumer = this.pickConsumer();
      if (consumer === undefined) {
        return;
      }
      const message = this.pending.shift() as T;
      consumer.inFlight += 1;
      const run = consumer
        .handler(message)
        .catch(() => undefined)
        .finally(() => {
          consumer.inFlight -= 1;
          this.running.delete(run);
          this.schedule();
        });
      this.running.add(run);
    }
  }

  private pickConsumer(): Attached<T> | undefined {
    for (let i = 0; i < this.consumers.length; i += 1) {
      const index = (this.nextConsumer + i) % this.consumers.length;
      const consumer = this.consumers[index];
      if (consumer !== undefined && !consumer.stopping && consumer.inFlight < consumer.prefetch) {
        this.nextConsumer = index + 1;
        return consumer;
      }
    }
    return undefined;
  }
}
