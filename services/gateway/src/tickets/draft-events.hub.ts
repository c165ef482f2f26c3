import { Injectable } from '@nestjs/common';

import type { DraftChanged } from '@deskpilot/contracts';

export type DraftChangeListener = (change: DraftChanged) => void;

/**
 * Passes `tickets.draft.changed` on to the browsers connected to this gateway replica. Every
 * replica receives every change (a broadcast subscription), so each serves its own streams.
 */
@Injectable()
export class DraftEventsHub {
  private readonly listeners = new Set<DraftChangeListener>();

  /** Returns the function that removes the listener again. */
  subscribe(listener: DraftChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  publish(change: DraftChanged): void {
    for (const listener of this.listeners) {
      listener(change);
    }
  }
}
