import type { ServerResponse } from 'node:http';

/** Writes Server-Sent Events, waiting for the socket to drain so fast streams stay bounded. */
export class SseWriter {
  constructor(private readonly response: ServerResponse) {}

  get open(): boolean {
    return !this.response.destroyed && !this.response.writableEnded;
  }

  start(headers: Readonly<Record<string, string>>): void {
    this.response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    this.response.flushHeaders();
  }

  comment(text: string): Promise<void> {
    return this.write(`: ${text}\n\n`);
  }

  data(payload: unknown): Promise<void> {
    return this.write(
      `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`,
    );
  }

  end(): void {
    if (this.open) {
      this.response.end();
    }
  }

  private async write(text: string): Promise<void> {
    if (!this.open) {
      return;
    }
    if (!this.response.write(text)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.response.off('drain', done);
          this.response.off('close', done);
          resolve();
        };
        this.response.on('drain', done);
        this.response.on('close', done);
      });
    }
  }
}
