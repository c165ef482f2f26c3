import type { DocumentSummary } from '@deskpilot/contracts';

import type { DocumentEntity } from './entities/document.entity';

/** The record as the gateway and the console see it. */
export function toDocumentSummary(document: DocumentEntity): DocumentSummary {
  return {
    documentId: document.id,
    title: document.title,
    originalFilename: document.originalFilename,
    declaredContentType: document.declaredContentType,
    detectedType: document.detectedType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    version: document.version,
    status: document.status,
    progress: document.progress,
    failureReason: document.failureReason,
    chunkCount: document.chunkCount,
    indexedVersion: document.indexedVersion,
    language: document.language,
    embedder: document.embedderId,
    s3Key: document.s3Key,
    sourceUrl: document.sourceUrl,
    sourceCheckedAt: document.sourceCheckedAt?.toISOString() ?? null,
    sourceError: document.sourceError,
    sourceFailingSince: document.sourceFailingSince?.toISOString() ?? null,
    uploadedBy: { id: document.uploadedById, name: document.uploadedByName },
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    indexedAt: document.indexedAt?.toISOString() ?? null,
  };
}
