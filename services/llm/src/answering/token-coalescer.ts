import type { AnswerChunk } from '@deskpilot/contracts';

import type { AnswerEmitter } from './answer-job';

/**
 * Joins the tokens that arrive within one turn of the event loop into one chunk. A model streams
 * many tiny tokens, often several per network read; under load that would be one bus message
 * each. The text of a turn leaves at the end of that turn, and any other chunk sends the text
 * still waiting first, so the order never changes.
 */
export class TokenCoalescer {
  private pending = '';
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly send: AnswerEmitter) {}

  readonly emit: AnswerEmitter = (chunk: AnswerChunk) => {
    if (chunk.type === 'token') {
      this.pending += chunk.text;
      this.scheduled ??= setImmediate(() => {
        this.flush();
      });
      return;
    }
    this.flush();
    this.send(chunk);
  };

  /** Sends the waiting text now. */
  flush(): void {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length > 0) {
      const text = this.pending;
      this.pending = '';
      this.send({ type: 'token', text });
    }
  }
}
