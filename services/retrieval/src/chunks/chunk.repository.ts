import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

import type {
  ChunkView,
  ChunksEmbedded,
  DocumentEmbedded,
  SearchLanguage,
} from '@deskpilot/contracts';
import type { TextLanguage } from '@deskpilot/text';
import { detectLanguage } from '@deskpilot/text';

import type { LexicalChunk } from '../search/lexical-index';
import { ChunkEntity } from './entities/chunk.entity';
import { IndexedDocumentEntity } from './entities/indexed-document.entity';
import { bytesToVector, vectorToBytes } from './vector-codec';

/** Why a batch or a generation was not applied, or that it was. */
export type GenerationState = 'applied' | 'superseded' | 'removed' | 'incomplete';

export interface CommitResult {
  readonly state: GenerationState;
  /** Chunks of the generation found in the table. */
  readonly stored: number;
  /** The document's live generation after the commit. */
  readonly activeGeneration: number | null;
}

export interface StoredVector {
  readonly chunkId: string;
  readonly documentId: string;
  readonly vector: Float32Array;
  readonly changeSeq: bigint;
}

/** A live chunk with its full-text terms, as the lexical index keeps it. */
export interface StoredTerms extends LexicalChunk {
  readonly changeSeq: bigint;
}

export interface IndexStats {
  readonly count: number;
  readonly maxChangeSeq: bigint;
}

const PAGE_SIZE = 2_000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const TERMS_COLUMNS = `"id", "document_id", "token_count", "language"::text AS "language",
  "search"::text AS "search", "change_seq"`;

const CHUNK_COLUMNS = [
  'id',
  'document_id',
  'generation',
  'version',
  'chunk_index',
  'document_title',
  'heading_path',
  'heading_text',
  'text',
  'token_count',
  'embedding',
  'embedder_id',
  'dimension',
  'language',
] as const;

/*
 * Searchable chunks are the `live` ones. A generation's chunks arrive in batches (not live), then
 * one commit makes the whole generation live and deletes the document's other generations, in
 * one transaction. Every statement is idempotent, so the same
 * event handled twice (redelivery, or every replica handling it) changes nothing the second time.
 */
@Injectable()
export class ChunkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a batch unless its document is removed or already has a newer generation live. */
  async storeBatch(batch: ChunksEmbedded): Promise<GenerationState> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.lockDocument(manager, batch.documentId, 'FOR SHARE');
      const refused = refusal(document, batch.generation);
      if (refused !== undefined) {
        return refused;
      }
      const language = batch.language ?? languageOf(batch);
      const params: unknown[] = [];
      const rows = batch.chunks.map((chunk) => {
        const values = [
          chunk.chunkId,
          batch.documentId,
          batch.generation,
          batch.version,
          chunk.index,
          batch.documentTitle,
          JSON.stringify(chunk.headingPath),
          chunk.headingPath.join(' '),
          chunk.text,
          chunk.tokenCount,
          vectorToBytes(chunk.embedding),
          batch.embedder.id,
          batch.embedder.dimension,
          language,
        ];
        const placeholders = values.map((value) => {
          params.push(value);
          return `$${params.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await manager.query(
        `INSERT INTO "retrieval"."chunks" (${CHUNK_COLUMNS.map((c) => `"${c}"`).join(', ')})
         VALUES ${rows.join(', ')}
         ON CONFLICT ("id") DO NOTHING`,
        params,
      );
      return 'applied';
    });
  }

  /**
   * Makes a generation searchable when all its chunks are stored, removing the document's other
   * generations. `superseded` means a newer generation is live (or this one already is).
   */
  async commitGeneration(event: DocumentEmbedded): Promise<CommitResult> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.lockDocument(manager, event.documentId, 'FOR UPDATE');
      const [{ stored }] = await manager.query<[{ stored: number }]>(
        `SELECT count(*)::int AS "stored" FROM "retrieval"."chunks"
         WHERE "document_id" = $1 AND "generation" = $2`,
        [event.documentId, event.generation],
      );
      const refused = refusal(document, event.generation);
      const activeGeneration = document.activeGeneration;
      if (refused !== undefined) {
        return { state: refused, stored, activeGeneration };
      }
      if (stored < event.chunkCount) {
        return { state: 'incomplete', stored, activeGeneration };
      }
      await manager.query(
        `UPDATE "retrieval"."chunks"
         SET "live" = true, "change_seq" = nextval('"retrieval"."chunk_change_seq"')
         WHERE "document_id" = $1 AND "generation" = $2 AND NOT "live"`,
        [event.documentId, event.generation],
      );
      await manager.query(
        `DELETE FROM "retrieval"."chunks" WHERE "document_id" = $1 AND "generation" <> $2`,
        [event.documentId, event.generation],
      );
      await manager.update(
        IndexedDocumentEntity,
        { documentId: event.documentId },
        {
          activeGeneration: event.generation,
          version: event.version,
          title: event.documentTitle,
          chunkCount: event.chunkCount,
          updatedAt: new Date(),
        },
      );
      return { state: 'applied', stored, activeGeneration: event.generation };
    });
  }

  /** Deletes every chunk of the document and remembers the removal against late batches. */
  async removeDocument(documentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockDocument(manager, documentId, 'FOR UPDATE');
      await manager.query(`DELETE FROM "retrieval"."chunks" WHERE "document_id" = $1`, [
        documentId,
      ]);
      await manager.update(
        IndexedDocumentEntity,
        { documentId },
        { removedAt: new Date(), activeGeneration: null, chunkCount: 0, updatedAt: new Date() },
      );
    });
  }

  async findDocument(documentId: string): Promise<IndexedDocumentEntity | null> {
    return this.dataSource.manager.findOne(IndexedDocumentEntity, { where: { documentId } });
  }

  /** The live vectors of one document made by `embedderId`. */
  async liveVectorsOf(documentId: string, embedderId: string): Promise<StoredVector[]> {
    const rows = await this.dataSource.query<VectorRow[]>(
      `SELECT "id", "document_id", "embedding", "change_seq" FROM "retrieval"."chunks"
       WHERE "document_id" = $1 AND "live" AND "embedder_id" = $2`,
      [documentId, embedderId],
    );
    return rows.map(toStoredVector);
  }

  /** Every live vector of `embedderId`, a page at a time in id order. */
  liveVectorPages(embedderId: string): AsyncGenerator<StoredVector[]> {
    return this.pages(
      `SELECT "id", "document_id", "embedding", "change_seq" FROM "retrieval"."chunks"
       WHERE "live" AND "embedder_id" = $1 AND "id" > $2 ORDER BY "id" LIMIT $3`,
      [embedderId],
      toStoredVector,
    );
  }

  async liveVectorsByIds(ids: readonly string[]): Promise<StoredVector[]> {
    const rows = await this.dataSource.query<VectorRow[]>(
      `SELECT "id", "document_id", "embedding", "change_seq" FROM "retrieval"."chunks"
       WHERE "id" = ANY($1::uuid[]) AND "live"`,
      [ids],
    );
    return rows.map(toStoredVector);
  }

  /** The live chunks of one document with their full-text terms. */
  async liveTermsOf(documentId: string): Promise<StoredTerms[]> {
    const rows = await this.dataSource.query<TermsRow[]>(
      `SELECT ${TERMS_COLUMNS} FROM "retrieval"."chunks" WHERE "document_id" = $1 AND "live"`,
      [documentId],
    );
    return rows.map(toStoredTerms);
  }

  /** Every live chunk with its full-text terms, a page at a time in id order. */
  liveTermPages(): AsyncGenerator<StoredTerms[]> {
    return this.pages(
      `SELECT ${TERMS_COLUMNS} FROM "retrieval"."chunks"
       WHERE "live" AND "id" > $1 ORDER BY "id" LIMIT $2`,
      [],
      toStoredTerms,
    );
  }

  async liveTermsByIds(ids: readonly string[]): Promise<StoredTerms[]> {
    const rows = await this.dataSource.query<TermsRow[]>(
      `SELECT ${TERMS_COLUMNS} FROM "retrieval"."chunks" WHERE "id" = ANY($1::uuid[]) AND "live"`,
      [ids],
    );
    return rows.map(toStoredTerms);
  }

  /** Ids of every live chunk (of `embedderId` if given), to reconcile an index with the table. */
  async liveIds(embedderId?: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT "id" FROM "retrieval"."chunks"
       WHERE "live" AND ($1::varchar IS NULL OR "embedder_id" = $1)`,
      [embedderId ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** Count and latest change of the live chunks (of `embedderId` if given). */
  async liveStats(embedderId?: string): Promise<IndexStats> {
    const [row] = await this.dataSource.query<[{ count: number; max: string }]>(
      `SELECT count(*)::int AS "count", coalesce(max("change_seq"), 0)::text AS "max"
       FROM "retrieval"."chunks" WHERE "live" AND ($1::varchar IS NULL OR "embedder_id" = $1)`,
      [embedderId ?? null],
    );
    return { count: row.count, maxChangeSeq: BigInt(row.max) };
  }

  /** Live chunks whose embedder is not `embedderId` (searchable by text only until re-embedded). */
  async countForeignLive(embedderId: string): Promise<number> {
    const [row] = await this.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS "count" FROM "retrieval"."chunks"
       WHERE "live" AND "embedder_id" <> $1`,
      [embedderId],
    );
    return row.count;
  }

  async documentChunks(
    documentId: string,
    offset: number,
    limit: number,
  ): Promise<{ chunks: ChunkView[]; total: number; languages: SearchLanguage[] }> {
    const repository = this.dataSource.getRepository(ChunkEntity);
    const languages = await this.dataSource.query<{ language: SearchLanguage }[]>(
      `SELECT DISTINCT "language"::text AS "language" FROM "retrieval"."chunks"
       WHERE "document_id" = $1 AND "live" ORDER BY 1`,
      [documentId],
    );
    const [rows, total] = await repository.findAndCount({
      select: { id: true, chunkIndex: true, headingPath: true, text: true, tokenCount: true },
      where: { documentId, live: true },
      order: { chunkIndex: 'ASC' },
      skip: offset,
      take: limit,
    });
    return {
      chunks: rows.map((row) => ({
        chunkId: row.id,
        index: row.chunkIndex,
        headingPath: row.headingPath,
        text: row.text,
        tokenCount: row.tokenCount,
      })),
      total,
      languages: languages.map((row) => row.language),
    };
  }

  /**
   * Pages through `sql`, whose last two parameters are the id to start after and the page size.
   * The next page is read while the caller handles the current one.
   */
  private async *pages<T>(
    sql: string,
    params: readonly unknown[],
    map: (row: never) => T,
  ): AsyncGenerator<T[]> {
    const read = (after: string) =>
      this.dataSource.query<{ id: string }[]>(sql, [...params, after, PAGE_SIZE]);
    let next = read(FIRST_ID);
    for (;;) {
      const rows = await next;
      const last = rows.at(-1);
      const more = last !== undefined && rows.length === PAGE_SIZE;
      if (more) {
        next = read(last.id);
        // Awaited on the next turn; a failure must not count as unhandled meanwhile.
        void next.catch(() => undefined);
      }
      if (rows.length > 0) {
        yield rows.map((row) => map(row as never));
      }
      if (!more) {
        return;
      }
    }
  }

  private async lockDocument(
    manager: EntityManager,
    documentId: string,
    lock: 'FOR SHARE' | 'FOR UPDATE',
  ): Promise<IndexedDocumentEntity> {
    await manager.query(
      `INSERT INTO "retrieval"."documents" ("document_id") VALUES ($1) ON CONFLICT DO NOTHING`,
      [documentId],
    );
    const [row] = await manager.query<
      [{ active_generation: number | null; removed_at: Date | null }]
    >(
      `SELECT "active_generation", "removed_at" FROM "retrieval"."documents"
       WHERE "document_id" = $1 ${lock}`,
      [documentId],
    );
    const document = new IndexedDocumentEntity();
    document.documentId = documentId;
    document.activeGeneration = row.active_generation;
    document.removedAt = row.removed_at;
    return document;
  }
}

interface VectorRow {
  id: string;
  document_id: string;
  embedding: Buffer;
  change_seq: string;
}

interface TermsRow {
  id: string;
  document_id: string;
  token_count: number;
  language: TextLanguage;
  search: string;
  change_seq: string;
}

function toStoredTerms(row: TermsRow): StoredTerms {
  return {
    id: row.id,
    documentId: row.document_id,
    tokenCount: row.token_count,
    language: row.language,
    search: row.search,
    changeSeq: BigInt(row.change_seq),
  };
}

function toStoredVector(row: VectorRow): StoredVector {
  return {
    chunkId: row.id,
    documentId: row.document_id,
    vector: bytesToVector(row.embedding),
    changeSeq: BigInt(row.change_seq),
  };
}

function refusal(
  document: IndexedDocumentEntity,
  generation: number,
): Exclude<GenerationState, 'applied' | 'incomplete'> | undefined {
  if (document.removedAt !== null) {
    return 'removed';
  }
  if (document.activeGeneration !== null && document.activeGeneration >= generation) {
    return 'superseded';
  }
  return undefined;
}

/**
 * The language a batch's full-text vectors are made in when ingest did not tell the document's,
 * told from all its text at once so that its short chunks (a heading, a list of settings) are
 * read like its prose; English when the text does not say.
 */
function languageOf(batch: ChunksEmbedded): TextLanguage {
  const text = [
    batch.documentTitle,
    ...batch.chunks.flatMap((chunk) => [...chunk.headingPath, chunk.text]),
  ].join('\n');
  return detectLanguage(text) ?? 'english';
}
