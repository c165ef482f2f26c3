import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { TicketStoreSnapshot } from './ticket-store';

const FORMAT = 1;

/** The seed settings a kept state was generated from; other settings start a fresh install. */
export interface StateOrigin {
  readonly seed: number;
  readonly backlog: number;
}

interface StoredState extends StateOrigin, TicketStoreSnapshot {
  readonly format: number;
}

/**
 * Keeps the simulated install's tickets in a JSON file, so that a restart finds the replies and
 * status changes made before it, as a real WHMCS would. Writes go to a temporary file first and
 * replace the old one in one rename; a file that cannot be read is moved aside, not overwritten.
 */
export class StateFile {
  private lastWritten = '';

  constructor(readonly path: string) {}

  /** The kept tickets, or undefined when there are none for these seed settings. */
  load(origin: StateOrigin): TicketStoreSnapshot | undefined {
    if (!existsSync(this.path)) {
      return undefined;
    }
    const text = readFileSync(this.path, 'utf8');
    let stored: Partial<StoredState>;
    try {
      stored = JSON.parse(text) as Partial<StoredState>;
    } catch (error) {
      const aside = `${this.path}.unreadable-${Date.now().toString()}`;
      renameSync(this.path, aside);
      throw new Error(`WHMCS simulator state ${this.path} is not JSON; moved to ${aside}`, {
        cause: error,
      });
    }
    if (
      stored.format !== FORMAT ||
      stored.seed !== origin.seed ||
      stored.backlog !== origin.backlog ||
      !Array.isArray(stored.tickets) ||
      !Array.isArray(stored.postedReplies)
    ) {
      return undefined;
    }
    this.lastWritten = text;
    return { tickets: stored.tickets, postedReplies: stored.postedReplies };
  }

  /** Writes the snapshot unless it is what the file already holds. */
  save(origin: StateOrigin, snapshot: TicketStoreSnapshot): void {
    const stored: StoredState = { format: FORMAT, ...origin, ...snapshot };
    const text = JSON.stringify(stored);
    if (text === this.lastWritten) {
      return;
    }
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid.toString()}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, this.path);
    this.lastWritten = text;
  }
}
