import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Figure, Suite } from './figures';
import { round } from './figures';

const run = promisify(execFile);

const SIZES = [10_000, 100_000];
const DEFAULT_EF_SEARCH = 256;

interface SearchResult {
  readonly chunks: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly misspeltP50Ms: number;
  readonly recall: readonly { efSearch: number; recallAt10: number; ms: number }[];
  readonly rebuildSeconds: number;
  readonly snapshotLoadSeconds: number;
}

interface BenchOutput {
  readonly search: readonly SearchResult[];
  readonly ingest: { chunksPerSecond: number; chunks: number } | undefined;
}

/**
 * Search latency through the bus at 10k and 100k chunks, HNSW recall against exact search, index
 * start-up, and ingest throughput with the local embedder. The knowledge benchmark runs in its
 * own process (it fills a throw-away database on the local PostgreSQL) and reports as JSON.
 */
export const knowledgeSuite: Suite = {
  name: 'knowledge',
  description: 'knowledge search and ingest speed (local embedder)',
  async run(command) {
    const script = join(
      __dirname,
      '..',
      '..',
      '..',
      'tools',
      'retrieval-eval',
      'dist',
      'bench',
      'main.js',
    );
    const { stdout } = await run(
      process.execPath,
      [
        script,
        '--sizes',
        SIZES.join(','),
        '--queries',
        '300',
        '--ingest-documents',
        '100',
        '--json',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    const output = JSON.parse(stdout) as BenchOutput;
    const figures: Figure[] = [];
    for (const result of output.search) {
      const at = `${result.chunks / 1000}k chunks`;
      const hnsw = result.recall.find((point) => point.efSearch === DEFAULT_EF_SEARCH);
      figures.push(
        {
          suite: 'knowledge',
          name: `search through the bus p50, ${at}`,
          value: round(result.p50Ms, 2),
          unit: 'ms',
          ...(result.chunks === 100_000 ? { target: '< 5 ms' } : {}),
          command,
        },
        {
          suite: 'knowledge',
          name: `search through the bus p99, ${at}`,
          value: round(result.p99Ms, 2),
          unit: 'ms',
          command,
        },
        {
          suite: 'knowledge',
          name: `search with one query word misspelt p50, ${at}`,
          value: round(result.misspeltP50Ms, 2),
          unit: 'ms',
          baseline: { name: 'the same queries spelt right', value: round(result.p50Ms, 2) },
          command,
        },
        {
          suite: 'knowledge',
          name: `HNSW recall@10 against exact search, efSearch ${DEFAULT_EF_SEARCH}, ${at}`,
          value: round(hnsw?.recallAt10 ?? Number.NaN),
          unit: '',
          target: '≥ 0.98',
          command,
        },
        {
          suite: 'knowledge',
          name: `index rebuild from the chunk table at start, ${at}`,
          value: round(result.rebuildSeconds, 2),
          unit: 's',
          baseline: { name: 'snapshot load', value: round(result.snapshotLoadSeconds, 2) },
          command,
        },
      );
    }
    if (output.ingest !== undefined) {
      figures.push({
        suite: 'knowledge',
        name: `ingest throughput, ${output.ingest.chunks} chunks, local embedder`,
        value: Math.round(output.ingest.chunksPerSecond),
        unit: 'chunks/s',
        command,
      });
    }
    return figures;
  },
};
