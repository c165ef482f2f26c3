import { randomUUID } from 'node:crypto';

import type { EmbeddedChunk } from '@deskpilot/contracts';
import { DEFAULT_DENSE_WEIGHT, KnowledgeEvent } from '@deskpilot/contracts';
import { LocalEmbedder } from '@deskpilot/embeddings';
import { SearchService, VectorIndexService } from '@deskpilot/retrieval';
import { estimateTokens } from '@deskpilot/text';

import type { KnowledgeSystem } from '../harness/knowledge-system';
import { percentile } from './percentiles';
import type { SyntheticChunk } from './synthetic-corpus';
import { SyntheticCorpus, misspell } from './synthetic-corpus';

export interface SearchBenchResult {
  readonly chunks: number;
  readonly loadSeconds: number;
  /** Search as requested by default (`denseWeight` left to the request default). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same queries with `denseWeight` 0.5 (both rankings), interleaved with the default. */
  readonly hybridP50Ms: number;
  readonly hybridP99Ms: number;
  /** The same queries with one word misspelt (`misspell`), default search, interleaved too. */
  readonly misspeltP50Ms: number;
  readonly misspeltP99Ms: number;
  /** HNSW recall@10 against exact search, and HNSW search time, per `efSearch`. */
  readonly recall: {
    readonly efSearch: number;
    readonly recallAt10: number;
    readonly ms: number;
  }[];
  readonly rebuildSeconds: number;
  readonly snapshotLoadSeconds: number;
}

const CHUNKS_PER_DOCUMENT = 250;
const BATCH = 250;
/* The hybrid search the default one is compared with: both rankings weighed equally. */
const HYBRID = 0.5;
/* Exact search in JavaScript is slow at 100k chunks: recall is measured on a sample. */
const RECALL_QUERIES = 100;

/**
 * Fills retrieval with `count` synthetic chunks through the index events ingest sends, then
 * measures search through the bus, HNSW recall against exact search, and index start-up time.
 */
export async function runSearchBench(
  system: KnowledgeSystem,
  count: number,
  queries: number,
  log: (line: string) => void,
): Promise<SearchBenchResult> {
  const corpus = new SyntheticCorpus(count);
  const embedder = new LocalEmbedder();
  const samples: SyntheticChunk[] = [];
  const loadStarted = performance.now();
  let documentId = randomUUID();
  let pending: { chunk: SyntheticChunk; index: number }[] = [];
  let inDocument = 0;
  const flush = async (commit: boolean): Promise<void> => {
    const first = pending[0];
    if (first !== undefined) {
      const header = {
        documentId,
        generation: 1,
        version: 1,
        documentTitle: first.chunk.title,
        embedder: { id: embedder.id, dimension: embedder.dimension },
      };
      await system.bus.publish(KnowledgeEvent.ChunksEmbedded, {
        ...header,
        chunks: pending.map(({ chunk, index }) => toEmbedded(embedder, chunk, index)),
      });
      if (commit) {
        await system.bus.publish(KnowledgeEvent.DocumentEmbedded, {
          ...header,
          chunkCount: inDocument,
        });
      }
    }
    pending = [];
  };
  for (const chunk of corpus.chunks(count, CHUNKS_PER_DOCUMENT)) {
    pending.push({ chunk, index: inDocument });
    inDocument += 1;
    if (samples.length < queries && Math.random() < (queries * 2) / count) {
      samples.push(chunk);
    }
    const lastOfDocument = inDocument === CHUNKS_PER_DOCUMENT;
    if (pending.length === BATCH || lastOfDocument) {
      await flush(lastOfDocument);
    }
    if (lastOfDocument) {
      documentId = randomUUID();
      inDocument = 0;
    }
  }
  await flush(true);
  const index = () => system.retrieval.app.get(VectorIndexService);
  while (index().size < count) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const loadSeconds = (performance.now() - loadStarted) / 1_000;
  log(`  loaded ${count} chunks through the index events in ${loadSeconds.toFixed(1)} s`);

  const texts = samples.map((chunk) => corpus.queryFor(chunk));
  for (const query of texts.slice(0, 20)) {
    await system.search({ query, topK: 8, denseWeight: HYBRID });
    await system.search({ query, topK: 8, denseWeight: DEFAULT_DENSE_WEIGHT });
  }
  const latencies: number[] = [];
  const hybridLatencies: number[] = [];
  const misspeltLatencies: number[] = [];
  const timed = async (query: string, denseWeight: number, into: number[]): Promise<void> => {
    const started = performance.now();
    await system.search({ query, topK: 8, denseWeight });
    into.push(performance.now() - started);
  };
  for (const [i, query] of texts.entries()) {
    const runs = [
      () => timed(query, DEFAULT_DENSE_WEIGHT, latencies),
      () => timed(query, HYBRID, hybridLatencies),
      () => timed(misspell(query), DEFAULT_DENSE_WEIGHT, misspeltLatencies),
    ];
    // Rotating which goes first keeps caches from favouring any.
    for (let r = 0; r < runs.length; r += 1) {
      await (runs[(i + r) % runs.length] as () => Promise<void>)();
    }
  }
  const recall = await measureRecall(system, texts.slice(0, RECALL_QUERIES), [64, 128, 256, 512]);

  const rebuildMs = await system.restartRetrieval({
    RETRIEVAL_SNAPSHOT_DIR: `/tmp/none-${randomUUID()}`,
  });
  const snapshotMs = await system.restartRetrieval();
  return {
    chunks: count,
    loadSeconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    hybridP50Ms: percentile(hybridLatencies, 50),
    hybridP99Ms: percentile(hybridLatencies, 99),
    misspeltP50Ms: percentile(misspeltLatencies, 50),
    misspeltP99Ms: percentile(misspeltLatencies, 99),
    recall,
    rebuildSeconds: rebuildMs / 1_000,
    snapshotLoadSeconds: snapshotMs / 1_000,
  };
}

/** Share of the exact top 10 (brute-force inner product) that the HNSW index returns. */
async function measureRecall(
  system: KnowledgeSystem,
  queries: readonly string[],
  efValues: readonly number[],
): Promise<SearchBenchResult['recall']> {
  const app = system.retrieval.app;
  const vectors = app.get(VectorIndexService);
  const search = app.get(SearchService);
  const all = await vectors.allVectors();
  const found = efValues.map(() => 0);
  const spent = efValues.map(() => 0);
  let total = 0;
  for (const query of queries) {
    const q = await search.queryVector(query);
    const exact = all
      .map((entry) => ({ id: entry.chunkId, score: dot(q, entry.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((entry) => entry.id);
    efValues.forEach((ef, i) => {
      const started = performance.now();
      const approximate = new Set(vectors.search(q, 10, undefined, ef).map((hit) => hit.chunkId));
      spent[i] = (spent[i] ?? 0) + performance.now() - started;
      found[i] = (found[i] ?? 0) + exact.filter((id) => approximate.has(id)).length;
    });
    total += exact.length;
  }
  return efValues.map((efSearch, i) => ({
    efSearch,
    recallAt10: (found[i] ?? 0) / Math.max(total, 1),
    ms: (spent[i] ?? 0) / Math.max(queries.length, 1),
  }));
}

function toEmbedded(embedder: LocalEmbedder, chunk: SyntheticChunk, index: number): EmbeddedChunk {
  const vector = embedder.embedPassage({
    title: chunk.title,
    headings: chunk.headings,
    text: chunk.text,
  });
  return {
    chunkId: randomUUID(),
    index,
    headingPath: chunk.headings,
    text: chunk.text,
    tokenCount: estimateTokens(chunk.text),
    embedding: Array.from(vector),
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) {
    sum += (a[i] ?? 0) * (b[i] ?? 0);
  }
  return sum;
}
