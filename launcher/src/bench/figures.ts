/** One measured figure, printed with the command that reproduces it. */
export interface Figure {
  readonly suite: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same quantity for a bare baseline measured in the same run, when there is one. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** The product's goal for this figure, as stated in its issue (e.g. `< 2 ms`). */
  readonly target?: string;
  readonly command: string;
}

export interface Suite {
  readonly name: string;
  readonly description: string;
  run(command: string): Promise<Figure[]>;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] ?? Number.NaN;
}

/** Runs `once` sequentially, discarding the warm-up, and returns the sorted durations in ms. */
export async function sampleLatency(
  once: () => Promise<unknown>,
  samples: number,
  warmup: number,
): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) {
    await once();
  }
  const durations: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await once();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
