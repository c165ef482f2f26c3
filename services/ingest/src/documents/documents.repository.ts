import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';

import type { DocumentSource, DocumentStatus, SearchLanguage } from '@deskpilot/contracts';
import { containsPattern } from '@deskpilot/persistence';

import { DocumentEntity } from './entities/document.entity';

export interface DocumentFilter {
  readonly search?: string | undefined;
  readonly status?: DocumentStatus | undefined;
  readonly source?: DocumentSource | undefined;
  readonly offset: number;
  readonly limit: number;
}

export interface WebRefresh {
  readonly documentId: string;
  readonly title: string;
  readonly sourceUrl: string;
  readonly requestedById: string | null;
  readonly requestedByName: string | null;
}

export interface QueuedGeneration {
  readonly id: string;
  readonly generation: number;
}

export type DocumentChange = Partial<
  Pick<
    DocumentEntity,
    | 'title'
    | 'detectedType'
    | 'status'
    | 'progress'
    | 'failureReason'
    | 'chunkCount'
    | 'indexedVersion'
    | 'indexedGeneration'
    | 'embedderId'
    | 'indexedAt'
    | 'staleS3Keys'
  >
>;

/** A new file for the document: the next version. */
export type NewVersion = Pick<
  DocumentEntity,
  | 'originalFilename'
  | 'declaredContentType'
  | 'sizeBytes'
  | 'sha256'
  | 's3Key'
  | 'uploadedById'
  | 'uploadedByName'
  | 'sourceUrl'
> & { readonly title: string | undefined };

/** What a new generation changes: the file (a replacement), the language it is searched in. */
export interface GenerationChange {
  readonly file?: NewVersion;
  /** Null to tell the language from the document again. */
  readonly language?: SearchLanguage | null;
}

const SOURCE_CONDITIONS: Readonly<Record<DocumentSource, string>> = {
  upload: 'd.sourceUrl IS NULL',
  web: 'd.sourceUrl IS NOT NULL',
  'web-failing': 'd.sourceUrl IS NOT NULL AND d.sourceError IS NOT NULL',
};

const UNIQUE_VIOLATION = '23505';
const IN_PROGRESS: readonly DocumentStatus[] = ['uploaded', 'extracting', 'embedding'];

@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get documents() {
    return this.dataSource.getRepository(DocumentEntity);
  }

  /** A document that is not being deleted. */
  async findById(id: string): Promise<DocumentEntity | null> {
    const document = await this.documents.findOne({ where: { id } });
    return document?.deletedAt === null ? document : null;
  }

  findIncludingDeleted(id: string): Promise<DocumentEntity | null> {
    return this.documents.findOne({ where: { id } });
  }

  async findBySha256(sha256: string): Promise<DocumentEntity | null> {
    return this.documents
      .createQueryBuilder('d')
      .where('d.sha256 = :sha256 AND d.deletedAt IS NULL', { sha256 })
      .getOne();
  }

  /** Live documents imported from any of `urls`, the oldest first. */
  findBySourceUrls(urls: readonly string[]): Promise<DocumentEntity[]> {
    return this.documents
      .createQueryBuilder('d')
      .where('d.sourceUrl IN (:...urls) AND d.deletedAt IS NULL', { urls })
      .orderBy('d.createdAt', 'ASC')
      .getMany();
  }

  /** Inserts a new document; false when another document already has its content. */
  async insert(document: DocumentEntity): Promise<boolean> {
    try {
      await this.documents.insert(document);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) {
        return false;
      }
      throw error;
    }
  }

  async findPage(filter: DocumentFilter): Promise<{ items: DocumentEntity[]; total: number }> {
    const query = this.documents.createQueryBuilder('d').where('d.deletedAt IS NULL');
    if (filter.search !== undefined && filter.search.length > 0) {
      const pattern = containsPattern(filter.search);
      query.andWhere('(d.title ILIKE :pattern OR d.originalFilename ILIKE :pattern)', { pattern });
    }
    if (filter.status !== undefined) {
      query.andWhere('d.status = :status', { status: filter.status });
    }
    if (filter.source !== undefined) {
      query.andWhere(SOURCE_CONDITIONS[filter.source]);
    }
    const [items, total] = await query
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { items, total };
  }

  /** Applies `change` only while `generation` is the document's current one. */
  async updateGeneration(id: string, generation: number, change: DocumentChange): Promise<boolean> {
    const result = await this.documents
      .createQueryBuilder()
      .update(DocumentEntity)
      .set({ ...change, updatedAt: () => 'now()' })
      .where('id = :id AND generation = :generation AND deleted_at IS NULL', { id, generation })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Starts a new generation of the document with the given new file (replace) or the same one
   * (re-index, a language set), queued for processing. Null when the document is gone.
   */
  async startGeneration(
    id: string,
    { file, language }: GenerationChange = {},
  ): Promise<DocumentEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const document = await manager
        .getRepository(DocumentEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.id = :id AND d.deletedAt IS NULL', { id })
        .getOne();
      if (document === null) {
        return null;
      }
      document.generation += 1;
      document.status = 'uploaded';
      document.progress = 0;
      document.failureReason = null;
      if (language !== undefined) {
        document.language = language;
      }
      if (file !== undefined) {
        if (file.s3Key !== document.s3Key) {
          document.staleS3Keys = [...document.staleS3Keys, document.s3Key];
        }
        document.version += 1;
        document.originalFilename = file.originalFilename;
        document.declaredContentType = file.declaredContentType;
        document.sizeBytes = file.sizeBytes;
        document.sha256 = file.sha256;
        document.s3Key = file.s3Key;
        document.uploadedById = file.uploadedById;
        document.uploadedByName = file.uploadedByName;
        document.sourceUrl = file.sourceUrl;
        document.sourceCheckedAt = file.sourceUrl === null ? null : new Date();
        document.sourceError = null;
        document.sourceFailingSince = null;
        document.sourceClaimedUntil = null;
        document.sourceRefreshRequestedAt = null;
        document.sourceRefreshRequestedById = null;
        document.sourceRefreshRequestedByName = null;
        document.detectedType = null;
        if (file.title !== undefined) {
          document.title = file.title;
          document.titleGiven = true;
        }
      }
      document.updatedAt = new Date();
      try {
        await manager.save(document);
      } catch (error) {
        if (isUniqueViolation(error)) {
          return null;
        }
        throw error;
      }
      return document;
    });
  }

  /** Queues a new generation of every document; returns what to process. */
  async startAllGenerations(): Promise<QueuedGeneration[]> {
    return this.bumpWhere(`"deleted_at" IS NULL`, []);
  }

  /** Queues indexed documents whose vectors came from another embedder. */
  async startGenerationsNotEmbeddedBy(embedderId: string): Promise<QueuedGeneration[]> {
    return this.bumpWhere(
      `"deleted_at" IS NULL AND "status" = 'indexed' AND "embedder_id" IS DISTINCT FROM $1`,
      [embedderId],
    );
  }

  /**
   * Claims documents whose processing made no progress since `before` (its worker died or
   * the message was lost), touching them so that no other replica claims them too.
   */
  async claimStalled(before: Date): Promise<QueuedGeneration[]> {
    const result = await this.dataSource.query<unknown>(
      `UPDATE "ingest"."documents" SET "updated_at" = now()
       WHERE "id" IN (
         SELECT "id" FROM "ingest"."documents"
         WHERE "status" = ANY($1) AND "deleted_at" IS NULL AND "updated_at" < $2
         ORDER BY "updated_at" LIMIT 100 FOR UPDATE SKIP LOCKED
       )
       RETURNING "id", "generation"`,
      [IN_PROGRESS, before],
    );
    return returnedRows<QueuedGeneration>(result);
  }

  /**
   * Web documents due for a fetch: asked for by an administrator, or last fetched before
   * `before`; the asked-for first, then the oldest. Each is leased for `leaseSeconds` so that no
   * other gateway replica claims it meanwhile; recording its fetch ends the lease.
   */
  async claimWebRefreshes(
    before: Date,
    limit: number,
    leaseSeconds: number,
  ): Promise<WebRefresh[]> {
    const result = await this.dataSource.query<unknown>(
      `UPDATE "ingest"."documents"
       SET "source_claimed_until" = now() + $3::int * interval '1 second'
       WHERE "id" IN (
         SELECT "id" FROM "ingest"."documents"
         WHERE "source_url" IS NOT NULL AND "deleted_at" IS NULL
           AND ("source_claimed_until" IS NULL OR "source_claimed_until" <= now())
           AND ("source_refresh_requested_at" IS NOT NULL OR "source_checked_at" < $1)
         ORDER BY "source_refresh_requested_at" NULLS LAST, "source_checked_at"
         LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       RETURNING "id" AS "documentId", "title", "source_url" AS "sourceUrl",
                 "source_refresh_requested_by_id" AS "requestedById",
                 "source_refresh_requested_by_name" AS "requestedByName"`,
      [before, limit, leaseSeconds],
    );
    return returnedRows<WebRefresh>(result);
  }

  /** Marks every web document as to be fetched again on behalf of `by`; returns how many. */
  async requestWebRefreshes(by: { id: string; name: string }): Promise<number> {
    const result = await this.dataSource.query<unknown>(
      `UPDATE "ingest"."documents"
       SET "source_refresh_requested_at" = now(), "source_refresh_requested_by_id" = $1,
           "source_refresh_requested_by_name" = $2
       WHERE "source_url" IS NOT NULL AND "deleted_at" IS NULL
       RETURNING "id"`,
      [by.id, by.name],
    );
    return returnedRows<{ id: string }>(result).length;
  }

  /**
   * Records a fetch of a web document's address that brought no new version: `error` is why it
   * failed (the first failure of a run starts `sourceFailingSince`), null that it answered. Ends
   * the fetch's lease and any request for it. Null when the document is gone or has no address.
   */
  async recordWebCheck(id: string, error: string | null): Promise<DocumentEntity | null> {
    const result = await this.dataSource.query<unknown>(
      `UPDATE "ingest"."documents"
       SET "source_checked_at" = now(), "source_error" = $2::text,
           "source_failing_since" = CASE WHEN $2::text IS NULL THEN NULL
                                         ELSE coalesce("source_failing_since", now()) END,
           "source_claimed_until" = NULL, "source_refresh_requested_at" = NULL,
           "source_refresh_requested_by_id" = NULL, "source_refresh_requested_by_name" = NULL
       WHERE "id" = $1 AND "source_url" IS NOT NULL AND "deleted_at" IS NULL
       RETURNING "id"`,
      [id, error],
    );
    return returnedRows<{ id: string }>(result).length === 0 ? null : this.findById(id);
  }

  async markDeleted(id: string): Promise<void> {
    await this.documents.update({ id }, { deletedAt: new Date(), updatedAt: new Date() });
  }

  async remove(id: string): Promise<void> {
    await this.documents.delete({ id });
  }

  private async bumpWhere(condition: string, params: unknown[]): Promise<QueuedGeneration[]> {
    const result = await this.dataSource.query<unknown>(
      `UPDATE "ingest"."documents"
       SET "generation" = "generation" + 1, "status" = 'uploaded', "progress" = 0,
           "failure_reason" = NULL, "updated_at" = now()
       WHERE ${condition}
       RETURNING "id", "generation"`,
      params,
    );
    return returnedRows<QueuedGeneration>(result);
  }
}

/** Rows of an UPDATE … RETURNING, which TypeORM hands back as `[rows, affected]`. */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && Array.isArray(result[0])) {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}
