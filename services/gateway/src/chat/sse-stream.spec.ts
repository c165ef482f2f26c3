import type { Response } from 'express';
import { EventEmitter } from 'node:events';

import { EventRelay, SseStream } from './sse-stream';

class FakeResponse extends EventEmitter {
  readonly written: string[] = [];
  readonly headers = new Map<string, string>();
  ended = false;
  status(): this {
    return this;
  }
  setHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  flushHeaders(): void {
    // Nothing buffered in the fake.
  }
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
  }
}

describe(EventRelay.name, () => {
  it('should send early events first, in order, once the stream opens', () => {
    const response = new FakeResponse();
    const sut = new EventRelay();
    sut.push({ event: 'started', data: { id: 1 } });

    sut.attach(new SseStream(response as unknown as Response, () => undefined));
    sut.push({ event: 'token', data: { text: 'Hi' } });
    sut.end();

    expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expect(response.written).toEqual([
      'event: started\ndata: {"id":1}\n\n',
      'event: token\ndata: {"text":"Hi"}\n\n',
    ]);
    expect(response.ended).toBe(true);
  });

  it('should report a client that leaves before the end, and write nothing more', () => {
    const response = new FakeResponse();
    let left = 0;
    const sut = new SseStream(response as unknown as Response, () => {
      left += 1;
    });

    response.emit('close');
    sut.send({ event: 'token', data: { text: 'late' } });

    expect(left).toBe(1);
    expect(response.written).toEqual([]);
  });
});
