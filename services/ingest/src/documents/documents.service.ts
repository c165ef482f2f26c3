import { Inject, Injectable } from '@nestjs/common';

import type {
  ClaimWebRefreshesResponse,
  DocumentSummary,
  RegisterDocumentResponse,
  ReplaceDocumentResponse,
  RequestWebRefreshesResponse,
  RpcRequest,
  SetDocumentLanguageResponse,
} from '@deskpilot/contracts';
import { KnowledgeEvent, KnowledgeRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';
import { ObjectStore } from '@deskpilot/storage';

import { ProgressReporter } from '../processing/progress.reporter';
import { toDocumentSummary } from './document-view';
import { DocumentsErrorCode, DocumentsException } from './documents.exception';
import { DocumentsRepository } from './documents.repository';
import { DocumentEntity } from './entities/document.entity';

export type RegisterCommand = RpcRequest<typeof KnowledgeRpc.Register>;
export type ReplaceCommand = RpcRequest<typeof KnowledgeRpc.Replace>;
export type ClaimCommand = RpcRequest<typeof KnowledgeRpc.ClaimWebRefreshes>;
export type RefreshRequestCommand = RpcRequest<typeof KnowledgeRpc.RequestWebRefreshes>;
export type WebCheckCommand = RpcRequest<typeof KnowledgeRpc.RecordWebCheck>;
export type LanguageCommand = RpcRequest<typeof KnowledgeRpc.SetLanguage>;

/**
 * The lifecycle of document records: registration of uploads (with duplicate detection by
 * content hash), new versions, re-indexing, the language they are searched in and deletion. Processing is queued on ingest's own
 * work queue, so it survives restarts and runs on whichever replica is free.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly progress: ProgressReporter,
    private readonly store: ObjectStore,
    private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async register(command: RegisterCommand): Promise<RegisterDocumentResponse> {
    const existing = await this.documents.findIncludingDeleted(command.documentId);
    if (existing !== null) {
      if (existing.deletedAt !== null) {
        throw new DocumentsException(
          DocumentsErrorCode.Conflict,
          `Document ${command.documentId} was deleted`,
        );
      }
      return { outcome: 'created', document: toDocumentSummary(existing) };
    }
    const duplicate = await this.documents.findBySha256(command.sha256);
    if (duplicate !== null) {
      return { outcome: 'duplicate', document: await this.dropUpload(command.s3Key, duplicate) };
    }
    const document = newDocument(command);
    if (!(await this.documents.insert(document))) {
      const winner = await this.documents.findBySha256(command.sha256);
      if (winner === null) {
        throw new DocumentsException(DocumentsErrorCode.Conflict, 'Registration raced; retry');
      }
      return { outcome: 'duplicate', document: await this.dropUpload(command.s3Key, winner) };
    }
    await this.queue(document);
    return { outcome: 'created', document: toDocumentSummary(document) };
  }

  async replace(command: ReplaceCommand): Promise<ReplaceDocumentResponse> {
    const current = await this.requireDocument(command.documentId);
    if (current.sha256 === command.sha256) {
      return { outcome: 'unchanged', document: await this.dropUpload(command.s3Key, current) };
    }
    const duplicate = await this.documents.findBySha256(command.sha256);
    if (duplicate !== null) {
      return { outcome: 'duplicate', document: await this.dropUpload(command.s3Key, duplicate) };
    }
    const replaced = await this.documents.startGeneration(command.documentId, {
      file: {
        originalFilename: command.originalFilename,
        declaredContentType: command.declaredContentType,
        sizeBytes: command.sizeBytes,
        sha256: command.sha256,
        s3Key: command.s3Key,
        uploadedById: command.uploadedBy.id,
        uploadedByName: command.uploadedBy.name,
        sourceUrl: command.sourceUrl ?? null,
        title: command.title,
      },
    });
    if (replaced === null) {
      const winner = await this.documents.findBySha256(command.sha256);
      if (winner === null) {
        throw DocumentsException.notFound(command.documentId);
      }
      return { outcome: 'duplicate', document: await this.dropUpload(command.s3Key, winner) };
    }
    await this.queue(replaced);
    return { outcome: 'replaced', document: toDocumentSummary(replaced) };
  }

  /** Claims the web documents due for a fetch: those asked for first, then the longest unchecked. */
  async claimWebRefreshes(command: ClaimCommand): Promise<ClaimWebRefreshesResponse> {
    const claimed = await this.documents.claimWebRefreshes(
      new Date(command.checkedBefore),
      command.limit,
      command.leaseSeconds,
    );
    return {
      documents: claimed.map(({ requestedById, requestedByName, ...document }) => ({
        ...document,
        requestedBy:
          requestedById === null || requestedByName === null
            ? null
            : { id: requestedById, name: requestedByName },
      })),
    };
  }

  /** Marks every web document as to be fetched again; answers how many there are. */
  async requestWebRefreshes(command: RefreshRequestCommand): Promise<RequestWebRefreshesResponse> {
    return { requested: await this.documents.requestWebRefreshes(command.requestedBy) };
  }

  /** Records a fetch of a web document's address that brought no new version. */
  async recordWebCheck(command: WebCheckCommand): Promise<DocumentSummary> {
    const document = await this.documents.recordWebCheck(command.documentId, command.error);
    if (document === null) {
      throw DocumentsException.notFound(command.documentId);
    }
    return toDocumentSummary(document);
  }

  async reindex(documentId: string): Promise<DocumentSummary> {
    const document = await this.documents.startGeneration(documentId);
    if (document === null) {
      throw DocumentsException.notFound(documentId);
    }
    await this.queue(document);
    return toDocumentSummary(document);
  }

  /**
   * Sets the language the document is searched in (null: told from its opening again); a change
   * indexes the document anew, its chunks analysed in that language.
   */
  async setLanguage(command: LanguageCommand): Promise<SetDocumentLanguageResponse> {
    const current = await this.requireDocument(command.documentId);
    if (current.language === command.language) {
      return { outcome: 'unchanged', document: toDocumentSummary(current) };
    }
    const document = await this.documents.startGeneration(command.documentId, {
      language: command.language,
    });
    if (document === null) {
      throw DocumentsException.notFound(command.documentId);
    }
    await this.queue(document);
    this.logger.info(
      { documentId: document.id, language: command.language },
      'Document language set; re-indexing',
    );
    return { outcome: 'changed', document: toDocumentSummary(document) };
  }

  async reindexAll(): Promise<number> {
    const queued = await this.documents.startAllGenerations();
    for (const { id, generation } of queued) {
      await this.bus.publish(KnowledgeEvent.Queued, { documentId: id, generation });
    }
    this.logger.info({ documents: queued.length }, 'Re-indexing every document');
    return queued.length;
  }

  /**
   * Deletes the document: its chunks and vectors (every retrieval replica), its files, then the
   * record. Each step is idempotent, so a failed delete can simply be asked for again.
   */
  async delete(documentId: string): Promise<void> {
    const document = await this.documents.findIncludingDeleted(documentId);
    if (document === null) {
      throw DocumentsException.notFound(documentId);
    }
    if (document.deletedAt === null) {
      await this.documents.markDeleted(documentId);
    }
    await this.bus.publish(KnowledgeEvent.DocumentRemoved, { documentId });
    for (const key of new Set([document.s3Key, ...document.staleS3Keys])) {
      await this.store.delete(key);
    }
    await this.documents.remove(documentId);
    this.logger.info({ documentId }, 'Document deleted');
  }

  private async requireDocument(documentId: string): Promise<DocumentEntity> {
    const document = await this.documents.findById(documentId);
    if (document === null) {
      throw DocumentsException.notFound(documentId);
    }
    return document;
  }

  private async queue(document: DocumentEntity): Promise<void> {
    await this.progress.announce(document, 'uploaded', 0, null);
    await this.bus.publish(KnowledgeEvent.Queued, {
      documentId: document.id,
      generation: document.generation,
    });
  }

  /** The upload is not needed (same content exists): delete it unless a record points at it. */
  private async dropUpload(s3Key: string, kept: DocumentEntity): Promise<DocumentSummary> {
    if (s3Key !== kept.s3Key && !kept.staleS3Keys.includes(s3Key)) {
      await this.store.delete(s3Key);
    }
    return toDocumentSummary(kept);
  }
}

function newDocument(command: RegisterCommand): DocumentEntity {
  const now = new Date();
  const document = new DocumentEntity();
  Object.assign(document, {
    id: command.documentId,
    title: command.title ?? titleFromFilename(command.originalFilename),
    titleGiven: command.title !== undefined,
    originalFilename: command.originalFilename,
    declaredContentType: command.declaredContentType,
    detectedType: null,
    sizeBytes: command.sizeBytes,
    sha256: command.sha256,
    version: 1,
    generation: 1,
    status: 'uploaded',
    progress: 0,
    failureReason: null,
    chunkCount: 0,
    indexedVersion: null,
    indexedGeneration: null,
    embedderId: null,
    s3Key: command.s3Key,
    staleS3Keys: [],
    sourceUrl: command.sourceUrl ?? null,
    sourceCheckedAt: command.sourceUrl === undefined ? null : now,
    sourceError: null,
    sourceFailingSince: null,
    sourceClaimedUntil: null,
    sourceRefreshRequestedAt: null,
    sourceRefreshRequestedById: null,
    sourceRefreshRequestedByName: null,
    language: null,
    uploadedById: command.uploadedBy.id,
    uploadedByName: command.uploadedBy.name,
    createdAt: now,
    updatedAt: now,
    indexedAt: null,
    deletedAt: null,
  } satisfies DocumentEntity);
  return document;
}

/** `Email setup.final.pdf` → `Email setup.final`. */
export function titleFromFilename(filename: string): string {
  const base = filename.replace(/^.*[\\/]/u, '');
  const stem = base.replace(/\.[^.]{1,8}$/u, '');
  return (stem.trim().length > 0 ? stem : base).slice(0, 300);
}
