import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

import { htmlToBlocks } from '@deskpilot/ingest';
import type { Block } from '@deskpilot/text';
import { chunkBlocks, isStopWord, markdownToBlocks, tokenize } from '@deskpilot/text';

import type { SyntheticChunk } from './synthetic-corpus';
import { seededRandom } from './synthetic-corpus';

/** Ingest's default chunking (`INGEST_CHUNK_TOKENS`, `INGEST_CHUNK_OVERLAP_TOKENS`). */
const CHUNKING = { maxTokens: 160, overlapTokens: 24 };
/** Chunks shorter than this (a lone heading's line, a badge) are left out. */
const MIN_WORDS = 20;
/** How many of the corpus's most frequent words a query may add. */
const FREQUENT_WORDS = 300;

/** The kinds of file a corpus can be read from, each extracted as ingest extracts it. */
export type DocumentFormat = 'markdown' | 'html';

const FORMATS: Record<
  DocumentFormat,
  { extension: RegExp; read: (text: string) => { title: string | undefined; blocks: Block[] } }
> = {
  markdown: {
    extension: /\.(md|markdown)$/iu,
    read: (text) => ({ title: undefined, blocks: markdownToBlocks(text) }),
  },
  html: { extension: /\.html?$/iu, read: htmlToBlocks },
};

/**
 * Real text for the vector index benchmarks: the Markdown or HTML files under a folder (for
 * example the documentation that comes with `node_modules` or a toolchain), each distinct file
 * a document, chunked as ingest chunks it. A passage published twice (the same headings and
 * text, as a book's single-page print edition repeats its chapters) is kept once, so that the
 * exact top 10 a recall is measured against has no identical twins. Queries are made like the
 * synthetic corpus's: a few words of a chunk and one of the corpus's frequent words.
 */
export class DocumentCorpus {
  private readonly random = seededRandom(11);
  private readonly frequent: string[];

  private constructor(readonly chunks: readonly SyntheticChunk[]) {
    const counts = new Map<string, number>();
    for (const chunk of chunks) {
      for (const word of new Set(words(chunk.text))) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    this.frequent = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, FREQUENT_WORDS)
      .map(([word]) => word);
  }

  /** Up to `limit` chunks of the folder's files of one format, taken in path order. */
  static read(folder: string, format: DocumentFormat, limit: number): DocumentCorpus {
    const { extension, read } = FORMATS[format];
    const files = new Set<string>();
    const passages = new Set<string>();
    const chunks: SyntheticChunk[] = [];
    for (const file of filesUnder(folder, extension)) {
      const content = readFileSync(file, 'utf8');
      const fileHash = sha256(content);
      if (files.has(fileHash)) {
        continue;
      }
      files.add(fileHash);
      const extracted = read(content);
      const title = extracted.title ?? basename(file);
      for (const chunk of chunkBlocks(extracted.blocks, { ...CHUNKING, title })) {
        const passage = sha256(`${chunk.headingPath.join('\n')}\n\n${chunk.text}`);
        if (
          chunks.length < limit &&
          !passages.has(passage) &&
          chunk.text.split(/\s+/u).length >= MIN_WORDS
        ) {
          passages.add(passage);
          chunks.push({
            documentIndex: files.size - 1,
            title,
            headings: chunk.headingPath,
            text: chunk.text,
          });
        }
      }
      if (chunks.length >= limit) {
        break;
      }
    }
    return new DocumentCorpus(chunks);
  }

  /** A question-like query: three to five words of the chunk and a frequent word. */
  queryFor(chunk: SyntheticChunk): string {
    const own = words(chunk.text);
    const picked = Array.from({ length: 3 + this.index(3) }, () => own[this.index(own.length)]);
    return `how do I ${picked.join(' ')} ${this.frequent[this.index(this.frequent.length)] ?? ''}`;
  }

  private index(n: number): number {
    return Math.floor(this.random() * n);
  }
}

/** The words of a text that a search counts (stop words left out), as written. */
function words(text: string): string[] {
  return tokenize(text).filter((token) => !isStopWord(token));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Files under `folder` whose name matches, in path order (symbolic links are not followed). */
function filesUnder(folder: string, extension: RegExp): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.isFile() && extension.test(entry.name)) {
        files.push(path);
      }
    }
  };
  walk(folder);
  return files;
}
