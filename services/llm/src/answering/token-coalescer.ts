import type { AnswerChunk } from '@deskpilot/contracts';

import type { AnswerEmitter } from './answer-job';

/**
 * Joins a model's tokens into fewer chunks. A model streams one tiny token per event, and every
 * chunk is a bus message to the gateway and an event to the browser. The first text leaves at
 * the end of the event loop's turn it arrived in, so the time to first token is untouched; later
 * text waits at most `windowMs` from its first token, which a reader does not see. Any other
 * chunk sends the text still waiting first, so the order never changes.
 */
export class TokenCoalescer {
  private pending = '';
  private sentText = false;
  /** Cancels the flush that is waiting, if one is. */
  private cancelScheduled: (() => void) | undefined;

  constructor(
    private readonly send: AnswerEmitter,
    private readonly windowMs: number,
  ) {}

  readonly emit: AnswerEmitter = (chunk: AnswerChunk) => {
    if (chunk.type === 'token') {
      this.pending += chunk.text;
      this.cancelScheduled ??= this.schedule();
      return;
    }
    this.flush();
    this.send(chunk);
  };

  /** Sends the waiting text now. */
  flush(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
    if (this.pending.length > 0) {
      const text = this.pending;
      this.pending = '';
      this.sentText = true;
      this.send({ type: 'token', text });
    }
  }

  private schedule(): () => void {
    const flush = (): void => {
      this.flush();
    };
    if (!this.sentText || this.windowMs <= 0) {
      const immediate = setImmediate(flush);
      return () => {
        clearImmediate(immediate);
      };
    }
    const timer = setTimeout(flush, this.windowMs);
    return () => {
      clearTimeout(timer);
    };
  }
}
