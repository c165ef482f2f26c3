import { LocalEmbedder } from '@deskpilot/embeddings';
import { VectorIndex, inverseDocumentFrequency } from '@deskpilot/retrieval';

import type { DocumentFormat } from './document-corpus';
import { DocumentCorpus } from './document-corpus';
import type { SyntheticChunk } from './synthetic-corpus';
import { SyntheticCorpus } from './synthetic-corpus';

const COMMAND = 'node tools/retrieval-eval/dist/bench/hnsw-sweep.js';
const USAGE = `Usage: ${COMMAND} [--chunks 20000] [--queries 100] [--graphs 16x100,32x200] [--ef 128,256,512] [--markdown <folder> | --html <folder>]`;
const CHUNKS_PER_DOCUMENT = 250;

interface SweepOptions {
  chunks: number;
  queries: number;
  /** `M` and `efConstruction` of each graph to build. */
  graphs: { m: number; efConstruction: number }[];
  efSearch: number[];
  /** Chunks of the Markdown or HTML files under a folder instead of synthetic ones. */
  documents: { folder: string; format: DocumentFormat } | undefined;
}

function parse(args: readonly string[]): SweepOptions {
  const options: SweepOptions = {
    chunks: 20_000,
    queries: 100,
    graphs: [{ m: 16, efConstruction: 100 }],
    efSearch: [128, 256, 512],
    documents: undefined,
  };
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    if (value === undefined) {
      throw new Error(USAGE);
    }
    switch (args[i]) {
      case '--chunks':
        options.chunks = Number(value);
        break;
      case '--queries':
        options.queries = Number(value);
        break;
      case '--graphs':
        options.graphs = value.split(',').map((graph) => {
          const [m, efConstruction] = graph.split('x').map(Number);
          return { m: m ?? 16, efConstruction: efConstruction ?? 100 };
        });
        break;
      case '--ef':
        options.efSearch = value.split(',').map(Number);
        break;
      case '--markdown':
        options.documents = { folder: value, format: 'markdown' };
        break;
      case '--html':
        options.documents = { folder: value, format: 'html' };
        break;
      case undefined:
      default:
        throw new Error(USAGE);
    }
  }
  return options;
}

function corpusOf(options: SweepOptions): {
  chunks: readonly SyntheticChunk[];
  queryFor: (chunk: SyntheticChunk) => string;
} {
  const { documents } = options;
  if (documents === undefined) {
    const corpus = new SyntheticCorpus();
    return {
      chunks: [...corpus.chunks(options.chunks, CHUNKS_PER_DOCUMENT)],
      queryFor: (chunk) => corpus.queryFor(chunk),
    };
  }
  const corpus = DocumentCorpus.read(documents.folder, documents.format, options.chunks);
  return { chunks: corpus.chunks, queryFor: (chunk) => corpus.queryFor(chunk) };
}

function describe(documents: SweepOptions['documents']): string {
  return documents === undefined
    ? 'synthetic'
    : `${documents.format === 'html' ? 'HTML' : 'Markdown'} under ${documents.folder}`;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) {
    sum += (a[i] ?? 0) * (b[i] ?? 0);
  }
  return sum;
}

/**
 * HNSW recall@10 against exact inner-product search for several graph settings, on the search
 * bench's synthetic chunks (or the chunks of real Markdown or HTML files) embedded by the local
 * embedder. Queries are weighted by the idf of
 * their terms among the chunks, as retrieval weighs them. Prints one line per graph and
 * `efSearch`: build time, recall and mean search time.
 */
function main(): void {
  const options = parse(process.argv.slice(2));
  const embedder = new LocalEmbedder();
  const { chunks, queryFor } = corpusOf(options);
  const vectors = chunks.map((chunk) => embedder.embedPassage(chunk));
  const frequency = new Map<string, number>();
  for (const chunk of chunks) {
    const text = `${chunk.title} ${chunk.headings.join(' ')} ${chunk.text}`;
    for (const term of embedder.queryTerms(text)) {
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  const step = Math.max(1, Math.floor(chunks.length / options.queries));
  const queries = Array.from({ length: options.queries }, (_, i) => {
    const text = queryFor(chunks[(i * step) % chunks.length] as SyntheticChunk);
    const weights = embedder
      .queryTerms(text)
      .map((term): [string, number] => [
        term,
        inverseDocumentFrequency(frequency.get(term) ?? 0, chunks.length),
      ]);
    return embedder.embedQueryNow(text, new Map(weights));
  });
  const exact = queries.map((query) =>
    vectors
      .map((vector, i) => ({ i, score: dot(query, vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map(({ i }) => String(i)),
  );
  process.stdout.write(`${COMMAND} ${process.argv.slice(2).join(' ')}\n`);
  process.stdout.write(
    `${chunks.length} chunks (${describe(options.documents)}), ${queries.length} queries, ${embedder.id}\n`,
  );
  for (const graph of options.graphs) {
    const index = new VectorIndex(embedder.dimension, { ...graph, efSearch: 10 }, chunks.length);
    const started = performance.now();
    index.add(vectors.map((vector, i) => ({ chunkId: String(i), documentId: 'bench', vector })));
    const buildSeconds = (performance.now() - started) / 1_000;
    for (const efSearch of options.efSearch) {
      let found = 0;
      const searchStarted = performance.now();
      queries.forEach((query, q) => {
        const approximate = new Set(
          index.search(query, 10, undefined, efSearch).map((h) => h.chunkId),
        );
        found += (exact[q] ?? []).filter((id) => approximate.has(id)).length;
      });
      const ms = (performance.now() - searchStarted) / queries.length;
      process.stdout.write(
        `M ${graph.m}, efConstruction ${graph.efConstruction} (built in ${buildSeconds.toFixed(1)} s), ` +
          `efSearch ${efSearch}: recall@10 ${(found / (10 * queries.length)).toFixed(3)}, ${ms.toFixed(2)} ms\n`,
      );
    }
  }
}

main();
