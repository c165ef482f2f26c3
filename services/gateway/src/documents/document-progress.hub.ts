import type { OnModuleDestroy } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import type { DocumentProgress } from '@deskpilot/contracts';

/** A browser connection following the progress stream. */
export interface ProgressListener {
  progress(event: DocumentProgress): void;
  /** The gateway is stopping: end the stream so the HTTP server can close. */
  close(): void;
}

/** Passes ingest's progress events to every browser connected to this gateway replica. */
@Injectable()
export class DocumentProgressHub implements OnModuleDestroy {
  private readonly listeners = new Set<ProgressListener>();

  /** Returns the function that stops listening. */
  subscribe(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(event: DocumentProgress): void {
    for (const listener of this.listeners) {
      listener.progress(event);
    }
  }

  onModuleDestroy(): void {
    for (const listener of [...this.listeners]) {
      listener.close();
    }
    this.listeners.clear();
  }
}
