import type { Figure } from './figures';
import { round } from './figures';

/** The part of an autocannon result one load step is judged by. */
export interface CannonResult {
  readonly connections: number;
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly requests: { readonly average: number; readonly total: number };
  readonly non2xx: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  /** Responses whose body failed the step's check (an answer without its final record). */
  readonly mismatches: number;
}

/** One fixed-duration run of one request at one number of connections. */
export interface LoadStep {
  readonly connections: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly badBodies: number;
}

/** The same request at rising concurrency, lowest first. */
export interface LoadSeries {
  readonly label: string;
  readonly steps: readonly LoadStep[];
  /** What the latency is compared with at the same concurrency (e.g. the HTTP floor). */
  readonly latencyBaseline?: { readonly name: string; readonly steps: readonly LoadStep[] };
}

export function summariseStep(result: CannonResult): LoadStep {
  return {
    connections: result.connections,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    badBodies: result.mismatches,
  };
}

/**
 * Whether a response is a chat answer stream that did not end as it should: without its `final`
 * record, or with an `error` event (a failed answer still streams with status 200). Other bodies
 * (a JSON error of a non-2xx response) are counted as non-2xx, not here.
 */
export function isFailedAnswerStream(body: string | Buffer | undefined): boolean {
  const text = body?.toString() ?? '';
  return (
    text.startsWith('event: ') &&
    (!text.includes('event: final\n') || text.includes('event: error\n'))
  );
}

/** Requests that did not give a complete 2xx answer. */
export function failedRequests(step: LoadStep): number {
  return step.non2xx + step.errors + step.badBodies;
}

/** One line per step for the terminal, while the run goes on. */
export function describeStep(label: string, step: LoadStep): string {
  return (
    `${label}, ${connectionsOf(step.connections)}: p50 ${round(step.p50Ms, 1)} ms, ` +
    `p99 ${round(step.p99Ms, 1)} ms, ${round(step.requestsPerSecond, 1)} req/s, ` +
    `${step.requests} requests, non-2xx ${step.non2xx}, errors ${step.errors} ` +
    `(timeouts ${step.timeouts}), bad bodies ${step.badBodies}`
  );
}

/**
 * p50, p99, requests per second and failures of every step. Latency is compared with the
 * series' baseline at the same concurrency; throughput with the series' own first step, so the
 * ratio is the speed-up (ideal: the number of connections).
 */
export function seriesFigures(series: LoadSeries, command: string): Figure[] {
  const first = series.steps[0];
  return series.steps.flatMap((step) => {
    const at = `${series.label}, ${connectionsOf(step.connections)}`;
    const under = series.latencyBaseline?.steps.find((b) => b.connections === step.connections);
    const latency = (name: string, value: number, base: number | undefined): Figure => ({
      suite: 'load',
      name: `${at}: ${name}`,
      value: round(value, 1),
      unit: 'ms',
      ...(base === undefined || series.latencyBaseline === undefined
        ? {}
        : { baseline: { name: series.latencyBaseline.name, value: round(base, 1) } }),
      command,
    });
    return [
      latency('p50', step.p50Ms, under?.p50Ms),
      latency('p99', step.p99Ms, under?.p99Ms),
      {
        suite: 'load',
        name: `${at}: requests per second`,
        value: round(step.requestsPerSecond, 1),
        unit: 'req/s',
        ...(first === undefined || first === step
          ? {}
          : {
              baseline: {
                name: connectionsOf(first.connections),
                value: round(first.requestsPerSecond, 1),
              },
            }),
        command,
      },
      {
        suite: 'load',
        name:
          `${at}: failed of ${step.requests} (non-2xx ${step.non2xx}, errors ${step.errors} ` +
          `incl. timeouts ${step.timeouts}, incomplete answers ${step.badBodies})`,
        value: failedRequests(step),
        unit: 'requests',
        command,
      },
    ];
  });
}

function connectionsOf(count: number): string {
  return `${count} connection${count === 1 ? '' : 's'}`;
}
