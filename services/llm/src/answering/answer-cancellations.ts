import { Injectable } from '@nestjs/common';

/** How long a cancel that arrived before its answer started is remembered. */
const EARLY_CANCEL_TTL_MS = 60_000;

/**
 * The answers running on this replica, by interaction id, so that a cancel broadcast to every
 * replica stops the one that is busy with it.
 */
@Injectable()
export class AnswerCancellations {
  private readonly running = new Map<string, AbortController>();
  private readonly early = new Map<string, number>();

  register(interactionId: string): AbortController {
    const controller = new AbortController();
    this.running.set(interactionId, controller);
    const cancelledAt = this.early.get(interactionId);
    if (cancelledAt !== undefined) {
      this.early.delete(interactionId);
      controller.abort();
    }
    return controller;
  }

  release(interactionId: string): void {
    this.running.delete(interactionId);
  }

  cancel(interactionId: string): void {
    const controller = this.running.get(interactionId);
    if (controller) {
      controller.abort();
      return;
    }
    const now = Date.now();
    for (const [id, at] of this.early) {
      if (now - at > EARLY_CANCEL_TTL_MS) {
        this.early.delete(id);
      }
    }
    this.early.set(interactionId, now);
  }
}
