import type { KnowledgeSystem } from '../harness/knowledge-system';
import { SyntheticCorpus } from './synthetic-corpus';

export interface IngestBenchResult {
  readonly documents: number;
  readonly chunks: number;
  readonly seconds: number;
  readonly chunksPerSecond: number;
}

/**
 * Uploads Markdown documents through the bus API and times them until every chunk is indexed:
 * S3 read, extraction, chunking, local embedding, the index events and retrieval's indexing.
 */
export async function runIngestBench(
  system: KnowledgeSystem,
  documents: number,
  sectionsPerDocument: number,
): Promise<IngestBenchResult> {
  const corpus = new SyntheticCorpus(4_242);
  const bodies: string[] = [];
  let current: string[] = [];
  let index = -1;
  for (const chunk of corpus.chunks(documents * sectionsPerDocument, sectionsPerDocument)) {
    if (chunk.documentIndex !== index) {
      if (current.length > 0) {
        bodies.push(current.join('\n\n'));
      }
      index = chunk.documentIndex;
      current = [`# ${chunk.title} ${index}`];
    }
    current.push(`## ${chunk.headings.join(' ')}`, chunk.text);
  }
  bodies.push(current.join('\n\n'));
  const started = performance.now();
  for (const [i, body] of bodies.entries()) {
    await system.upload({
      name: `guide-${i}.md`,
      contentType: 'text/markdown',
      body: Buffer.from(body),
    });
  }
  await system.settle();
  const seconds = (performance.now() - started) / 1_000;
  let chunks = 0;
  for (let page = 1; ; page += 1) {
    const list = await system.bus.request('ingest.documents.list', { page, pageSize: 100 });
    chunks += list.items.reduce((sum, item) => sum + item.chunkCount, 0);
    if (page * 100 >= list.total) {
      break;
    }
  }
  return { documents: bodies.length, chunks, seconds, chunksPerSecond: chunks / seconds };
}
