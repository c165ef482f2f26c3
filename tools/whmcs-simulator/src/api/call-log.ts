export interface ApiCall {
  readonly at: string;
  /** Normalised action name; empty when none was sent. */
  readonly action: string;
  /** The `ticketid` sent with the call; empty when none was. */
  readonly ticketId: string;
  /** HTTP status sent, or 0 when the connection was dropped without an answer. */
  readonly status: number;
  /** `message` of an error answer. */
  readonly message: string;
  readonly fault: string | null;
}

const KEEP = 20_000;

/** Every API call the simulator received, so tests can see what a client asked and when. */
export class CallLog {
  private readonly calls: ApiCall[] = [];

  record(call: ApiCall): void {
    this.calls.push(call);
    if (this.calls.length > KEEP) {
      this.calls.splice(0, this.calls.length - KEEP);
    }
  }

  list(action?: string): ApiCall[] {
    return action === undefined ? [...this.calls] : this.calls.filter((c) => c.action === action);
  }

  countsByAction(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) {
      counts[call.action] = (counts[call.action] ?? 0) + 1;
    }
    return counts;
  }

  clear(): void {
    this.calls.length = 0;
  }
}
