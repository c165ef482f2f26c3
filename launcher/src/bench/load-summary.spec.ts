import type { CannonResult, LoadStep } from './load-summary';
import {
  describeStep,
  failedRequests,
  isFailedAnswerStream,
  seriesFigures,
  summariseStep,
} from './load-summary';

const COMMAND = 'npm run bench -- --only load';

function result(overrides: Partial<CannonResult> = {}): CannonResult {
  return {
    connections: 4,
    latency: { p50: 12, p99: 40 },
    requests: { average: 310.46, total: 3105 },
    non2xx: 2,
    errors: 3,
    timeouts: 1,
    mismatches: 4,
    ...overrides,
  };
}

function step(connections: number, p50Ms: number, requestsPerSecond: number): LoadStep {
  return summariseStep(
    result({
      connections,
      latency: { p50: p50Ms, p99: p50Ms * 3 },
      requests: { average: requestsPerSecond, total: requestsPerSecond * 10 },
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      mismatches: 0,
    }),
  );
}

describe(summariseStep.name, () => {
  it('should keep the percentiles, the rate and every kind of failure of a run', () => {
    const sut = summariseStep(result());

    expect(sut).toEqual({
      connections: 4,
      p50Ms: 12,
      p99Ms: 40,
      requestsPerSecond: 310.46,
      requests: 3105,
      non2xx: 2,
      errors: 3,
      timeouts: 1,
      badBodies: 4,
    });
  });
});

describe(failedRequests.name, () => {
  it('should add non-2xx responses, errors and bad bodies but not count timeouts twice', () => {
    expect(failedRequests(summariseStep(result()))).toBe(9);
  });
});

describe(isFailedAnswerStream.name, () => {
  const started = 'event: started\ndata: {}\n\nevent: token\ndata: {"text":"Hi"}\n\n';

  it('should pass a stream that ends with its final record', () => {
    expect(isFailedAnswerStream(`${started}event: final\ndata: {}\n\n`)).toBe(false);
  });

  it('should fail a stream with an error event after its final record', () => {
    const body = Buffer.from(`${started}event: final\ndata: {}\n\nevent: error\ndata: {}\n\n`);

    expect(isFailedAnswerStream(body)).toBe(true);
  });

  it('should fail a stream cut off before its final record', () => {
    expect(isFailedAnswerStream(started)).toBe(true);
  });

  it('should leave a JSON error body or no body to the status count', () => {
    expect(isFailedAnswerStream('{"statusCode":429}')).toBe(false);
    expect(isFailedAnswerStream(undefined)).toBe(false);
  });
});

describe(describeStep.name, () => {
  it('should print the figures of a step on one line', () => {
    expect(describeStep('POST /api/search', summariseStep(result()))).toBe(
      'POST /api/search, 4 connections: p50 12 ms, p99 40 ms, 310.5 req/s, 3105 requests, ' +
        'non-2xx 2, errors 3 (timeouts 1), bad bodies 4',
    );
  });
});

describe(seriesFigures.name, () => {
  const floor = [step(1, 1, 500), step(4, 2, 900)];
  const search = [step(1, 20, 40), step(4, 60, 60)];

  it('should compare latency with the baseline at the same concurrency', () => {
    const figures = seriesFigures(
      {
        label: 'POST /api/search',
        steps: search,
        latencyBaseline: { name: 'GET /api/health/live', steps: floor },
      },
      COMMAND,
    );

    expect(figures.find((f) => f.name === 'POST /api/search, 4 connections: p50')).toEqual({
      suite: 'load',
      name: 'POST /api/search, 4 connections: p50',
      value: 60,
      unit: 'ms',
      baseline: { name: 'GET /api/health/live', value: 2 },
      command: COMMAND,
    });
    expect(figures.find((f) => f.name === 'POST /api/search, 1 connection: p99')?.baseline).toEqual(
      { name: 'GET /api/health/live', value: 3 },
    );
  });

  it('should compare throughput with the first step of the series, which has no baseline', () => {
    const figures = seriesFigures({ label: 'POST /api/search', steps: search }, COMMAND);
    const rate = (connections: string): unknown =>
      figures.find((f) => f.name === `POST /api/search, ${connections}: requests per second`);

    expect(rate('1 connection')).not.toHaveProperty('baseline');
    expect(rate('4 connections')).toMatchObject({
      value: 60,
      unit: 'req/s',
      baseline: { name: '1 connection', value: 40 },
    });
  });

  it('should give four figures a step and leave latency without a baseline when there is none', () => {
    const figures = seriesFigures({ label: 'GET /api/health/live', steps: floor }, COMMAND);

    expect(figures).toHaveLength(8);
    expect(figures.filter((f) => f.unit === 'ms').every((f) => f.baseline === undefined)).toBe(
      true,
    );
  });

  it('should name the kinds of failure and count them together', () => {
    const figures = seriesFigures({ label: 'chat', steps: [summariseStep(result())] }, COMMAND);

    expect(figures.at(-1)).toMatchObject({
      name: 'chat, 4 connections: failed of 3105 (non-2xx 2, errors 3 incl. timeouts 1, incomplete answers 4)',
      value: 9,
      unit: 'requests',
    });
  });
});
