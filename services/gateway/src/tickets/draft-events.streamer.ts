import type { BeforeApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import { DraftEventsStream } from '@deskpilot/contracts';

import { SseStream } from '../chat/sse-stream';
import { DraftEventsHub } from './draft-events.hub';

const HEARTBEAT_MS = 15_000;

/**
 * The browsers' streams of draft changes: `ready`, then `draft` per change and a `heartbeat`
 * while idle (keeps proxies from closing the connection). Leaving removes the listener; a
 * shutdown ends every stream so the server can close.
 */
@Injectable()
export class DraftEventsStreamer implements BeforeApplicationShutdown {
  private readonly closers = new Set<() => void>();

  constructor(private readonly hub: DraftEventsHub) {}

  open(response: Response): void {
    const stream = new SseStream(response, () => {
      release();
    });
    const unsubscribe = this.hub.subscribe((change) => {
      stream.send({ event: DraftEventsStream.Draft, data: change });
    });
    const heartbeat = setInterval(() => {
      stream.send({ event: DraftEventsStream.Heartbeat, data: { at: new Date().toISOString() } });
    }, HEARTBEAT_MS);
    const release = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      this.closers.delete(close);
    };
    const close = (): void => {
      release();
      stream.end();
    };
    this.closers.add(close);
    stream.send({ event: DraftEventsStream.Ready, data: { at: new Date().toISOString() } });
  }

  beforeApplicationShutdown(): void {
    for (const close of [...this.closers]) {
      close();
    }
  }
}
