import 'reflect-metadata';

import { KnowledgeSystem } from '../harness/knowledge-system';
import type { DatabaseChoice } from '../harness/knowledge-system';
import type { IngestBenchResult } from './ingest-bench';
import { runIngestBench } from './ingest-bench';
import type { SearchBenchResult } from './search-bench';
import { runSearchBench } from './search-bench';

const USAGE =
  'Usage: node tools/retrieval-eval/dist/bench/main.js [--sizes 10000,100000] [--queries 300] ' +
  '[--ingest-documents 100] [--pglite] [--json]';

interface BenchOptions {
  sizes: number[];
  queries: number;
  ingestDocuments: number;
  database: DatabaseChoice;
  /** Print the results as one JSON document on stdout (progress goes to stderr). */
  json: boolean;
}

function parse(args: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: [10_000, 100_000],
    queries: 300,
    ingestDocuments: 100,
    database: 'postgres',
    json: false,
  };
  for (let i = 0; i < args.length; i += 1) {
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) {
        throw new Error(USAGE);
      }
      i += 1;
      return next;
    };
    switch (args[i]) {
      case '--sizes':
        options.sizes = value().split(',').map(Number);
        break;
      case '--queries':
        options.queries = Number(value());
        break;
      case '--ingest-documents':
        options.ingestDocuments = Number(value());
        break;
      case '--pglite':
        options.database = 'pglite';
        break;
      case '--json':
        options.json = true;
        break;
      case undefined:
      default:
        throw new Error(USAGE);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const out = (line = ''): void => {
    (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  };
  const results: { search: SearchBenchResult[]; ingest: IngestBenchResult | undefined } = {
    search: [],
    ingest: undefined,
  };
  const command =
    `node tools/retrieval-eval/dist/bench/main.js ${process.argv.slice(2).join(' ')}`.trim();
  out(`Knowledge benchmarks (${command}); database: ${options.database}, bus: in-process`);
  for (const size of options.sizes) {
    out(`\nSearch at ${size} chunks (local embedder, HNSW M=16 efConstruction=100 efSearch=256):`);
    const system = await KnowledgeSystem.start({ database: options.database });
    try {
      const result = await runSearchBench(system, size, options.queries, out);
      results.search.push(result);
      out(
        `  search through the bus (topK 8, request default): p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms over ${options.queries} queries`,
      );
      out(
        `  search through the bus (topK 8, denseWeight 0.5), same queries interleaved: p50 ${result.hybridP50Ms.toFixed(2)} ms, p99 ${result.hybridP99Ms.toFixed(2)} ms`,
      );
      out(
        `  search through the bus (topK 8, request default), same queries with one word misspelt, interleaved: p50 ${result.misspeltP50Ms.toFixed(2)} ms, p99 ${result.misspeltP99Ms.toFixed(2)} ms`,
      );
      for (const point of result.recall) {
        out(
          `  HNSW recall@10 against exact search at efSearch ${point.efSearch}: ${point.recallAt10.toFixed(3)} (${point.ms.toFixed(2)} ms per HNSW query)`,
        );
      }
      out(`  index rebuild from the chunk table at start: ${result.rebuildSeconds.toFixed(2)} s`);
      out(`  index load from a snapshot at start: ${result.snapshotLoadSeconds.toFixed(2)} s`);
    } finally {
      await system.stop();
    }
  }
  if (options.ingestDocuments > 0) {
    out(`\nIngest throughput (${options.ingestDocuments} Markdown documents, local embedder):`);
    const system = await KnowledgeSystem.start({ database: options.database });
    try {
      const result = await runIngestBench(system, options.ingestDocuments, 40);
      results.ingest = result;
      out(
        `  ${result.chunks} chunks from ${result.documents} documents indexed in ${result.seconds.toFixed(1)} s: ${result.chunksPerSecond.toFixed(0)} chunks/s`,
      );
    } finally {
      await system.stop();
    }
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
