import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';

import type {
  DocumentDetail,
  DocumentDetailQuery,
  DocumentLanguageResponse,
  DocumentListQuery,
  DocumentPage,
  DocumentReindexAllResponse,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResult,
  SearchLanguage,
} from '@deskpilot/contracts';
import { AuditAction, KnowledgeRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';
import { ObjectStore } from '@deskpilot/storage';

import { AuditService } from '../audit/audit.service';
import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';

/** A file held in memory: an upload, or text another feature turns into a document. */
export interface IncomingFile {
  readonly buffer: Buffer;
  readonly filename: string;
  /** As declared by whoever sent it; ingest decides the type from the content. */
  readonly contentType: string;
}

/** Who a document is recorded as uploaded by (a user, or the system itself). */
export interface DocumentActor {
  readonly id: string;
  readonly name: string;
}

export interface UploadOptions {
  /** Shown in lists; by default ingest takes the document's own title, else the file name. */
  readonly title?: string;
  /** The web address the file was fetched from. */
  readonly sourceUrl?: string;
}

const RPC_TIMEOUT_MS = 15_000;
const TARGET = 'document';

/**
 * The knowledge base as the gateway manages it: originals go to S3, ingest keeps the records and
 * does the processing, retrieval holds the chunks. Every change is written to the audit log.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly bus: MessageBus,
    private readonly store: ObjectStore,
    private readonly audit: AuditService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Stores one file and registers it as a new document. Never throws for a bad file: the result
   * says whether it was created, already known (same content) or failed, and why.
   */
  async upload(
    file: IncomingFile,
    actor: DocumentActor,
    options: UploadOptions = {},
  ): Promise<DocumentUploadResult> {
    const filename = file.filename;
    const tooLarge = this.sizeProblem(file);
    if (tooLarge !== undefined) {
      return { outcome: 'failed', filename, message: tooLarge };
    }
    const documentId = randomUUID();
    try {
      const stored = await this.storeOriginal(documentId, file);
      const { outcome, document } = await this.bus.request(
        KnowledgeRpc.Register,
        {
          documentId,
          ...stored,
          uploadedBy: { id: actor.id, name: actor.name },
          ...(options.title === undefined ? {} : { title: options.title }),
          ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
        },
        { timeoutMs: RPC_TIMEOUT_MS },
      );
      if (outcome === 'duplicate') {
        return {
          outcome,
          filename,
          document,
          message: `The same content is already in the knowledge base as "${document.title}".`,
        };
      }
      await this.audit.record({
        action: AuditAction.DocumentUploaded,
        target: { type: TARGET, id: document.documentId },
        details: {
          filename,
          title: document.title,
          sizeBytes: document.sizeBytes,
          ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
        },
      });
      return { outcome, filename, document };
    } catch (error) {
      this.logger.error({ err: String(error), filename }, 'Upload failed');
      return {
        outcome: 'failed',
        filename,
        message: 'The file could not be stored. Please try again.',
      };
    }
  }

  /** Uploads each file in turn; one failing file does not stop the others. */
  async uploadAll(
    files: readonly IncomingFile[],
    actor: DocumentActor,
  ): Promise<DocumentUploadResult[]> {
    const results: DocumentUploadResult[] = [];
    for (const file of files) {
      results.push(await this.upload(file, actor));
    }
    return results;
  }

  /**
   * A new version of a document; its old chunks stay searchable until the new ones are indexed.
   * The document keeps `sourceUrl` as its web address (none for an uploaded file), and takes
   * `title` when one is given.
   */
  async replace(
    documentId: string,
    file: IncomingFile,
    actor: DocumentActor,
    options: UploadOptions = {},
  ): Promise<DocumentReplaceResponse> {
    const tooLarge = this.sizeProblem(file);
    if (tooLarge !== undefined) {
      throw new PayloadTooLargeException(tooLarge);
    }
    await this.get(documentId, { chunkOffset: 0, chunkLimit: 0 });
    const stored = await this.storeOriginal(documentId, file);
    const response = await this.bus.request(
      KnowledgeRpc.Replace,
      {
        documentId,
        ...stored,
        uploadedBy: { id: actor.id, name: actor.name },
        ...(options.title === undefined ? {} : { title: options.title }),
        ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
      },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    if (response.outcome === 'replaced') {
      await this.audit.record({
        action: AuditAction.DocumentReplaced,
        target: { type: TARGET, id: documentId },
        details: {
          filename: file.filename,
          version: response.document.version,
          sizeBytes: response.document.sizeBytes,
          ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
        },
      });
    }
    return response;
  }

  list(query: z.output<typeof DocumentListQuery>): Promise<DocumentPage> {
    return this.bus.request(
      KnowledgeRpc.List,
      {
        page: query.page,
        pageSize: query.pageSize,
        ...(query.search === undefined ? {} : { search: query.search }),
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.source === undefined ? {} : { source: query.source }),
      },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
  }

  get(documentId: string, query: z.output<typeof DocumentDetailQuery>): Promise<DocumentDetail> {
    return this.bus.request(
      KnowledgeRpc.Get,
      { documentId, chunkOffset: query.chunkOffset, chunkLimit: query.chunkLimit },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
  }

  /** Deletes the document with its file, chunks and vectors. */
  async delete(documentId: string): Promise<void> {
    const { document } = await this.get(documentId, { chunkOffset: 0, chunkLimit: 0 });
    await this.bus.request(KnowledgeRpc.Delete, { documentId }, { timeoutMs: RPC_TIMEOUT_MS });
    await this.audit.record({
      action: AuditAction.DocumentDeleted,
      target: { type: TARGET, id: documentId },
      details: { title: document.title, filename: document.originalFilename },
    });
  }

  async reindex(documentId: string): Promise<DocumentSummary> {
    const document = await this.bus.request(
      KnowledgeRpc.Reindex,
      { documentId },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    await this.audit.record({
      action: AuditAction.DocumentReindexed,
      target: { type: TARGET, id: documentId },
      details: { title: document.title },
    });
    return document;
  }

  /** Sets the language the document is searched in (null: told from it); a change re-indexes it. */
  async setLanguage(
    documentId: string,
    language: SearchLanguage | null,
  ): Promise<DocumentLanguageResponse> {
    const response = await this.bus.request(
      KnowledgeRpc.SetLanguage,
      { documentId, language },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    if (response.outcome === 'changed') {
      await this.audit.record({
        action: AuditAction.DocumentLanguageSet,
        target: { type: TARGET, id: documentId },
        details: { title: response.document.title, language },
      });
    }
    return response;
  }

  async reindexAll(): Promise<DocumentReindexAllResponse> {
    const { queued } = await this.bus.request(
      KnowledgeRpc.ReindexAll,
      {},
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    await this.audit.record({ action: AuditAction.DocumentsReindexed, details: { queued } });
    return { queued };
  }

  /** The documents imported from the addresses, by address (the oldest of any two). */
  async importedFrom(urls: readonly string[]): Promise<Map<string, DocumentSummary>> {
    const found = new Map<string, DocumentSummary>();
    if (urls.length === 0) {
      return found;
    }
    const { documents } = await this.bus.request(
      KnowledgeRpc.FindBySource,
      { urls: [...urls] },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    for (const document of documents) {
      if (document.sourceUrl !== null && !found.has(document.sourceUrl)) {
        found.set(document.sourceUrl, document);
      }
    }
    return found;
  }

  /**
   * Records a fetch of a web document's address that brought no new version: why it failed, or
   * null when it answered.
   */
  recordWebCheck(documentId: string, error: string | null): Promise<DocumentSummary> {
    return this.bus.request(
      KnowledgeRpc.RecordWebCheck,
      { documentId, error },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
  }

  /** The stored original of the document's current version. */
  readOriginal(document: DocumentSummary): Promise<Buffer> {
    return this.store.get(document.s3Key);
  }

  /** Whether the knowledge base holds no document at all. */
  async isEmpty(): Promise<boolean> {
    const { total } = await this.list({ page: 1, pageSize: 1 });
    return total === 0;
  }

  /** The upload limit, as people read it (`50 MB`). */
  get uploadLimitLabel(): string {
    return formatMegabytes(this.config.uploadMaxBytes);
  }

  private sizeProblem(file: IncomingFile): string | undefined {
    if (file.buffer.length > this.config.uploadMaxBytes) {
      return `The file is ${formatMegabytes(file.buffer.length)}; the upload limit is ${this.uploadLimitLabel}.`;
    }
    return undefined;
  }

  /** The original goes under a key of our choosing: the client's file name is never trusted. */
  private async storeOriginal(documentId: string, file: IncomingFile) {
    const s3Key = `documents/${documentId}/${randomUUID()}`;
    const declaredContentType = file.contentType.slice(0, 200);
    await this.store.put(s3Key, file.buffer, 'application/octet-stream');
    return {
      s3Key,
      originalFilename: file.filename.slice(0, 500),
      declaredContentType,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
    };
  }
}

export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1_048_576;
  return `${Number(megabytes.toFixed(megabytes < 1 ? 2 : 1))} MB`;
}
