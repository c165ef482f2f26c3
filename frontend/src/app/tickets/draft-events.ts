import { Injectable, inject } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';

import type { DraftChanged } from '@deskpilot/contracts';

import { Session } from '../auth/session';

/** `connected` each time the stream (re)opens, then `changed` for every draft change. */
export type DraftStreamMessage =
  { readonly type: 'connected' } | { readonly type: 'changed'; readonly change: DraftChanged };

/** Wait before reconnecting after the stream dropped, growing up to the last value. */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];

/**
 * Live draft changes from `GET /api/drafts/events`. EventSource cannot send the bearer token,
 * so the stream is read with fetch; a dropped stream is opened again with a fresh token.
 * Unsubscribing closes it.
 */
@Injectable({ providedIn: 'root' })
export class DraftEvents {
  private readonly session = inject(Session);

  changes(): Observable<DraftStreamMessage> {
    return new Observable<DraftStreamMessage>((subscriber) => {
      const abort = new AbortController();
      let attempt = 0;
      const run = async (): Promise<void> => {
        const stopped = (): boolean => abort.signal.aborted;
        while (!stopped()) {
          try {
            await this.read(abort.signal, (message) => {
              attempt = 0;
              subscriber.next(message);
            });
          } catch {
            // Dropped or refused: wait and reconnect below.
          }
          if (stopped()) {
            return;
          }
          const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
          attempt += 1;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      };
      void run();
      return () => {
        abort.abort();
      };
    });
  }

  private async read(
    signal: AbortSignal,
    onMessage: (message: DraftStreamMessage) => void,
  ): Promise<void> {
    const token = this.session.freshToken() ?? (await firstValueFrom(this.session.refresh()));
    const response = await fetch('/api/drafts/events', {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      signal,
    });
    if (!response.ok || response.body === null) {
      throw new Error(`The draft stream answered ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = messageOf(block);
        if (message !== undefined) {
          onMessage(message);
        }
        end = buffer.indexOf('\n\n');
      }
    }
  }
}

function messageOf(block: string): DraftStreamMessage | undefined {
  const lines = block.split('\n');
  if (lines.includes('event: ready')) {
    return { type: 'connected' };
  }
  if (!lines.includes('event: draft')) {
    return undefined;
  }
  const data = lines
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice(6))
    .join('\n');
  return { type: 'changed', change: JSON.parse(data) as DraftChanged };
}
