import type { Request, Response } from 'express';

/** One server-sent event: its name and a JSON payload. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Whether the client asked for server-sent events rather than one JSON answer. */
export function acceptsEventStream(request: Request): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

/**
 * A server-sent event stream on an Express response: `event: <name>` and one `data:` line of
 * JSON per event. `onClose` runs when the client leaves before the stream ended.
 */
export class SseStream {
  private ended = false;

  constructor(
    private readonly response: Response,
    onClose: () => void,
  ) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.on('close', () => {
      if (!this.ended) {
        this.ended = true;
        onClose();
      }
    });
  }

  send(event: ServerSentEvent): void {
    if (!this.ended) {
      this.response.write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
    }
  }

  end(): void {
    if (!this.ended) {
      this.ended = true;
      this.response.end();
    }
  }
}

/** Holds the events that come before the stream is open, then passes them on in order. */
export class EventRelay {
  private readonly early: ServerSentEvent[] = [];
  private stream: SseStream | undefined;

  push(event: ServerSentEvent): void {
    if (this.stream === undefined) {
      this.early.push(event);
    } else {
      this.stream.send(event);
    }
  }

  attach(stream: SseStream): void {
    this.stream = stream;
    for (const event of this.early.splice(0)) {
      stream.send(event);
    }
  }

  end(): void {
    this.stream?.end();
  }
}
