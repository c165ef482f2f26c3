import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { VectorIndex, VectorIndexLabels } from './vector-index';

/** What a snapshot was taken of; it is used only when the table still matches. */
export interface SnapshotMeta {
  readonly embedderId: string;
  readonly dimension: number;
  readonly count: number;
  /** Highest change sequence of a live chunk at the time (as a decimal string). */
  readonly maxChangeSeq: string;
}

interface SnapshotFile extends SnapshotMeta {
  readonly labels: VectorIndexLabels;
}

/**
 * An HNSW index saved on local disk (hnswlib's own file plus a JSON file of labels), so a replica
 * restarts without rebuilding the graph. Files are written aside and renamed into place.
 */
export class IndexSnapshot {
  constructor(
    private readonly directory: string,
    embedderId: string,
  ) {
    this.name = embedderId.replace(/[^a-zA-Z0-9._-]+/gu, '_');
  }

  private readonly name: string;

  private get indexFile(): string {
    return join(this.directory, `${this.name}.hnsw`);
  }

  private get labelsFile(): string {
    return join(this.directory, `${this.name}.json`);
  }

  async save(index: VectorIndex, meta: SnapshotMeta): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    const labels = await index.write(this.indexFile + suffix);
    const file: SnapshotFile = { ...meta, labels };
    await writeFile(this.labelsFile + suffix, JSON.stringify(file));
    await rename(this.indexFile + suffix, this.indexFile);
    await rename(this.labelsFile + suffix, this.labelsFile);
  }

  /** Loads the snapshot into `index` when it was taken of exactly `expected`; false otherwise. */
  async loadInto(index: VectorIndex, expected: SnapshotMeta): Promise<boolean> {
    let file: SnapshotFile;
    try {
      file = JSON.parse(await readFile(this.labelsFile, 'utf8')) as SnapshotFile;
    } catch {
      return false;
    }
    const matches =
      file.embedderId === expected.embedderId &&
      file.dimension === expected.dimension &&
      file.count === expected.count &&
      file.maxChangeSeq === expected.maxChangeSeq &&
      file.labels.entries.length === expected.count;
    if (!matches) {
      return false;
    }
    try {
      await index.read(this.indexFile, file.labels);
      return true;
    } catch {
      return false;
    }
  }

  async discard(): Promise<void> {
    await rm(this.indexFile, { force: true });
    await rm(this.labelsFile, { force: true });
  }
}
