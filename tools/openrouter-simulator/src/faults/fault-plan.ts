import { appliesToEndpoint } from './fault-spec';
import type { FaultEndpoint, FaultSpec } from './fault-spec';

export interface ActiveFault {
  readonly id: string;
  readonly spec: FaultSpec;
  /** Hits left, or null when the fault stays until cleared. */
  readonly remaining: number | null;
  readonly hits: number;
}

export interface FaultTarget {
  readonly endpoint: FaultEndpoint;
  readonly model: string;
  readonly apiKey: string;
}

interface Entry {
  readonly id: string;
  readonly spec: FaultSpec;
  remaining: number | null;
  hits: number;
}

/** The faults waiting for requests, tried in the order they were added. */
export class FaultPlan {
  private entries: Entry[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(spec: FaultSpec): string {
    const id = `fault-${this.nextId}`;
    this.nextId += 1;
    const times = spec.times ?? (spec.probability === undefined ? 1 : 'always');
    this.entries.push({ id, spec, remaining: times === 'always' ? null : times, hits: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((entry) => entry.id !== id);
    return this.entries.length < before;
  }

  clear(): void {
    this.entries = [];
  }

  list(): ActiveFault[] {
    return this.entries.map(({ id, spec, remaining, hits }) => ({ id, spec, remaining, hits }));
  }

  /** The fault that hits this request, if any, counting the hit. */
  take(target: FaultTarget): FaultSpec | undefined {
    const entry = this.entries.find(
      (candidate) => faultMatches(candidate.spec, target) && this.rolls(candidate.spec),
    );
    if (!entry) {
      return undefined;
    }
    entry.hits += 1;
    if (entry.remaining !== null) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) {
        this.remove(entry.id);
      }
    }
    return entry.spec;
  }

  private rolls(spec: FaultSpec): boolean {
    return spec.probability === undefined || this.random() < spec.probability;
  }
}

/** Whether a fault applies to a request, ignoring how many hits it has left. */
export function faultMatches(spec: FaultSpec, target: FaultTarget): boolean {
  return (
    appliesToEndpoint(spec.kind, target.endpoint) &&
    (spec.endpoint === undefined || spec.endpoint === target.endpoint) &&
    (spec.model === undefined || spec.model === target.model) &&
    (spec.apiKey === undefined || spec.apiKey === target.apiKey)
  );
}
