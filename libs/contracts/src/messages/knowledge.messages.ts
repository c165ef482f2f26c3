import { z } from 'zod';

import { event, rpc } from './define';
import { SearchLanguage } from './search.messages';

/*
 * The knowledge base on the bus. The gateway stores an uploaded original in S3 and hands it to
 * ingest with the RPCs below; ingest extracts, chunks and embeds it and sends the chunks to every
 * retrieval replica; progress events reach every gateway replica for the console's live view.
 */

export const DocumentStatus = z.enum(['uploaded', 'extracting', 'embedding', 'indexed', 'failed']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** What ingest found the file to be, from its content (never from its name). */
export const DocumentType = z.enum(['pdf', 'docx', 'html', 'markdown', 'text']);
export type DocumentType = z.infer<typeof DocumentType>;

export const Uploader = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
});
export type Uploader = z.infer<typeof Uploader>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u, 'lowercase hex SHA-256');

/** An uploaded original, already stored in S3 by the gateway. */
export const UploadedFile = z.object({
  /** Object key in the shared bucket; ingest deletes it when it is no longer needed. */
  s3Key: z.string().min(1).max(1024),
  originalFilename: z.string().min(1).max(500),
  /** The Content-Type the client declared; ingest checks the content itself. */
  declaredContentType: z.string().max(200),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256,
  uploadedBy: Uploader,
  /** The web address the original was fetched from, for a document imported from the web. */
  sourceUrl: z
    .url({ protocol: /^https?$/u })
    .max(2000)
    .optional(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export const DocumentSummary = z.object({
  documentId: z.uuid(),
  title: z.string(),
  originalFilename: z.string(),
  declaredContentType: z.string(),
  /** Null until extraction looked at the content. */
  detectedType: DocumentType.nullable(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256,
  /** 1 for the first upload, +1 for each replacement. */
  version: z.number().int().positive(),
  status: DocumentStatus,
  /** Progress of the current stage, 0-100. */
  progress: z.number().int().min(0).max(100),
  /** Why the latest version failed; null unless `status` is `failed`. */
  failureReason: z.string().nullable(),
  /** Searchable chunks (of the indexed version; an older version stays searchable until then). */
  chunkCount: z.number().int().nonnegative(),
  /** Version whose chunks are searchable now, if any. */
  indexedVersion: z.number().int().positive().nullable(),
  embedder: z.string().nullable(),
  s3Key: z.string(),
  /** Where the current version was fetched from; null for an uploaded file. */
  sourceUrl: z.string().nullable(),
  /** When `sourceUrl` was last fetched, to import or refresh the document. */
  sourceCheckedAt: z.iso.datetime().nullable(),
  /** Why the latest fetch of `sourceUrl` failed; null while it answers. */
  sourceError: z.string().nullable(),
  /** The first of the fetches that have failed in a row; null while the address answers. */
  sourceFailingSince: z.iso.datetime().nullable(),
  /**
   * The language an administrator set for searching the document; null when it is told from the
   * document's opening. (Absent in the replies of ingest before it could be set.)
   */
  language: SearchLanguage.nullable().default(null),
  uploadedBy: Uploader,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  indexedAt: z.iso.datetime().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const ChunkView = z.object({
  chunkId: z.uuid(),
  index: z.number().int().nonnegative(),
  headingPath: z.array(z.string()),
  text: z.string(),
  tokenCount: z.number().int().nonnegative(),
});
export type ChunkView = z.infer<typeof ChunkView>;

// --- Gateway → ingest -----------------------------------------------------------------------

export const RegisterDocumentRequest = UploadedFile.extend({
  /** Chosen by the gateway, so a retried registration is recognised. */
  documentId: z.uuid(),
  /** Shown in lists; when absent ingest takes the document's own title, else the file name. */
  title: z.string().trim().min(1).max(300).optional(),
});
export type RegisterDocumentRequest = z.input<typeof RegisterDocumentRequest>;

/**
 * `created`: recorded and queued for ingestion (also the answer to a retried registration).
 * `duplicate`: another document already has this content; `document` is that one and ingest
 * deleted the newly uploaded object.
 */
export const RegisterDocumentResponse = z.object({
  outcome: z.enum(['created', 'duplicate']),
  document: DocumentSummary,
});
export type RegisterDocumentResponse = z.infer<typeof RegisterDocumentResponse>;

export const ReplaceDocumentRequest = UploadedFile.extend({
  documentId: z.uuid(),
  title: z.string().trim().min(1).max(300).optional(),
});
export type ReplaceDocumentRequest = z.input<typeof ReplaceDocumentRequest>;

/**
 * `replaced`: a new version is queued; the old chunks stay searchable until it is indexed.
 * `unchanged`: the file is the current version's content. `duplicate`: another document has it
 * (`document` is that one). In both of the latter cases the uploaded object was deleted.
 */
export const ReplaceDocumentResponse = z.object({
  outcome: z.enum(['replaced', 'unchanged', 'duplicate']),
  document: DocumentSummary,
});
export type ReplaceDocumentResponse = z.infer<typeof ReplaceDocumentResponse>;

export const DocumentRef = z.object({ documentId: z.uuid() });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const DeleteDocumentResponse = z.object({ deleted: z.literal(true) });
export type DeleteDocumentResponse = z.infer<typeof DeleteDocumentResponse>;

export const ReindexAllRequest = z.object({});
export const ReindexAllResponse = z.object({ queued: z.number().int().nonnegative() });
export type ReindexAllResponse = z.infer<typeof ReindexAllResponse>;

/**
 * Web documents due for a fetch, at most `limit`: those last fetched before `checkedBefore` and
 * those an administrator asked to fetch again, the requested first. Each is leased to the caller
 * for `leaseSeconds`, so no other caller claims it meanwhile; a document whose fetch is not
 * recorded by then (its caller stopped) is due again.
 */
export const ClaimWebRefreshesRequest = z.object({
  checkedBefore: z.iso.datetime(),
  limit: z.number().int().min(1).max(100),
  leaseSeconds: z.number().int().min(1).max(86_400),
});
export type ClaimWebRefreshesRequest = z.input<typeof ClaimWebRefreshesRequest>;

export const ClaimWebRefreshesResponse = z.object({
  documents: z.array(
    z.object({
      documentId: z.uuid(),
      title: z.string(),
      sourceUrl: z.string(),
      /** Who asked for this fetch; null when the document is due by age. */
      requestedBy: Uploader.nullable(),
    }),
  ),
});
export type ClaimWebRefreshesResponse = z.infer<typeof ClaimWebRefreshesResponse>;

/** Marks every web document as to be fetched again, on behalf of `requestedBy`. */
export const RequestWebRefreshesRequest = z.object({ requestedBy: Uploader });
export type RequestWebRefreshesRequest = z.input<typeof RequestWebRefreshesRequest>;

export const RequestWebRefreshesResponse = z.object({ requested: z.number().int().nonnegative() });
export type RequestWebRefreshesResponse = z.infer<typeof RequestWebRefreshesResponse>;

/**
 * The outcome of fetching a web document's address without a new version: `error` says why the
 * fetch failed, null that the address answered with the content the document already has.
 */
export const RecordWebCheckRequest = z.object({
  documentId: z.uuid(),
  error: z.string().min(1).max(1000).nullable(),
});
export type RecordWebCheckRequest = z.input<typeof RecordWebCheckRequest>;

/** The documents imported from any of these web addresses, as the gateway stores them. */
export const FindBySourceRequest = z.object({
  urls: z.array(z.string().min(1).max(2000)).min(1).max(500),
});
export type FindBySourceRequest = z.input<typeof FindBySourceRequest>;

export const FindBySourceResponse = z.object({ documents: z.array(DocumentSummary) });
export type FindBySourceResponse = z.infer<typeof FindBySourceResponse>;

/** Where documents come from: uploaded files, web pages, or web pages whose refresh fails. */
export const DocumentSource = z.enum(['upload', 'web', 'web-failing']);
export type DocumentSource = z.infer<typeof DocumentSource>;

export const ListDocumentsRequest = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  /** Case-insensitive substring of the title or file name. */
  search: z.string().trim().max(200).optional(),
  status: DocumentStatus.optional(),
  source: DocumentSource.optional(),
});
export type ListDocumentsRequest = z.input<typeof ListDocumentsRequest>;

export const ListDocumentsResponse = z.object({
  items: z.array(DocumentSummary),
  total: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type ListDocumentsResponse = z.infer<typeof ListDocumentsResponse>;

export const GetDocumentRequest = z.object({
  documentId: z.uuid(),
  chunkOffset: z.number().int().nonnegative().default(0),
  chunkLimit: z.number().int().min(0).max(500).default(100),
});
export type GetDocumentRequest = z.input<typeof GetDocumentRequest>;

export const GetDocumentResponse = z.object({
  document: DocumentSummary,
  /** The searchable chunks, in document order, from `chunkOffset`. */
  chunks: z.array(ChunkView),
  totalChunks: z.number().int().nonnegative(),
  /** The languages its searchable chunks are read in; absent when no chunk was asked for. */
  languages: z.array(SearchLanguage).optional(),
});
export type GetDocumentResponse = z.infer<typeof GetDocumentResponse>;

// --- Progress (ingest → every gateway replica) ----------------------------------------------

export const DocumentProgress = z.object({
  documentId: z.uuid(),
  version: z.number().int().positive(),
  stage: DocumentStatus,
  percent: z.number().int().min(0).max(100),
  /** Human-readable detail; the failure reason when `stage` is `failed`. */
  message: z.string().nullable(),
  at: z.iso.datetime(),
});
export type DocumentProgress = z.infer<typeof DocumentProgress>;

// --- Ingest ↔ retrieval -----------------------------------------------------------------------

export const EmbeddedChunk = ChunkView.extend({
  embedding: z.array(z.number()).min(1),
});
export type EmbeddedChunk = z.infer<typeof EmbeddedChunk>;

const IndexedDocument = z.object({
  documentId: z.uuid(),
  /** Each ingestion run (upload, replacement, re-index) has its own generation and chunk ids. */
  generation: z.number().int().positive(),
  version: z.number().int().positive(),
  documentTitle: z.string(),
  embedder: z.object({ id: z.string().min(1), dimension: z.number().int().positive() }),
});

/** A batch of embedded chunks of one generation; not searchable before the generation completes. */
export const ChunksEmbedded = IndexedDocument.extend({
  chunks: z.array(EmbeddedChunk).min(1).max(256),
  /**
   * The language the whole document is read in, told by ingest from its opening, so that every
   * batch of it is analysed alike; retrieval tells a batch without one from the batch's own text.
   */
  language: SearchLanguage.optional(),
});
export type ChunksEmbedded = z.infer<typeof ChunksEmbedded>;

/** Every chunk of the generation was sent: make it searchable and drop the document's others. */
export const DocumentEmbedded = IndexedDocument.extend({
  chunkCount: z.number().int().positive(),
});
export type DocumentEmbedded = z.infer<typeof DocumentEmbedded>;

/** The document was deleted: drop its chunks and vectors, and ignore late batches for it. */
export const DocumentRemoved = z.object({ documentId: z.uuid() });
export type DocumentRemoved = z.infer<typeof DocumentRemoved>;

/** A retrieval replica made a generation searchable. */
export const DocumentIndexed = z.object({
  documentId: z.uuid(),
  generation: z.number().int().positive(),
  chunkCount: z.number().int().positive(),
  embedder: z.string(),
});
export type DocumentIndexed = z.infer<typeof DocumentIndexed>;

/** Ingest's own work queue: one generation of a document waits to be processed. */
export const DocumentQueued = z.object({
  documentId: z.uuid(),
  generation: z.number().int().positive(),
});
export type DocumentQueued = z.infer<typeof DocumentQueued>;

export const SetDocumentLanguageRequest = z.object({
  documentId: z.uuid(),
  /** The language to search the document in; null to tell it from the document's opening. */
  language: SearchLanguage.nullable(),
});
export type SetDocumentLanguageRequest = z.input<typeof SetDocumentLanguageRequest>;

/**
 * `changed`: recorded, and a new generation is queued to index the document in that language.
 * `unchanged`: the document already had this setting; nothing was queued.
 */
export const SetDocumentLanguageResponse = z.object({
  outcome: z.enum(['changed', 'unchanged']),
  document: DocumentSummary,
});
export type SetDocumentLanguageResponse = z.infer<typeof SetDocumentLanguageResponse>;

export const DocumentChunksRequest = z.object({
  documentId: z.uuid(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(0).max(500).default(100),
});
export type DocumentChunksRequest = z.input<typeof DocumentChunksRequest>;

export const DocumentChunksResponse = z.object({
  chunks: z.array(ChunkView),
  total: z.number().int().nonnegative(),
  /** The languages the document's live chunks are read in by full-text search. */
  languages: z.array(SearchLanguage).optional(),
});
export type DocumentChunksResponse = z.infer<typeof DocumentChunksResponse>;

export const KnowledgeRpc = {
  Register: 'ingest.document.register',
  Replace: 'ingest.document.replace',
  Delete: 'ingest.document.delete',
  Reindex: 'ingest.document.reindex',
  SetLanguage: 'ingest.document.set-language',
  ReindexAll: 'ingest.documents.reindex',
  List: 'ingest.documents.list',
  Get: 'ingest.document.get',
  ClaimWebRefreshes: 'ingest.documents.claim-web-refreshes',
  RequestWebRefreshes: 'ingest.documents.request-web-refreshes',
  RecordWebCheck: 'ingest.document.record-web-check',
  FindBySource: 'ingest.documents.find-by-source',
  DocumentChunks: 'retrieval.document.chunks',
} as const;

export const KnowledgeEvent = {
  Progress: 'ingest.document.progress',
  Queued: 'ingest.document.queued',
  ChunksEmbedded: 'ingest.chunks.embedded',
  DocumentEmbedded: 'ingest.document.embedded',
  DocumentRemoved: 'ingest.document.removed',
  DocumentIndexed: 'retrieval.document.indexed',
} as const;

export const knowledgeMessages = {
  [KnowledgeRpc.Register]: rpc(RegisterDocumentRequest, RegisterDocumentResponse),
  [KnowledgeRpc.Replace]: rpc(ReplaceDocumentRequest, ReplaceDocumentResponse),
  [KnowledgeRpc.ClaimWebRefreshes]: rpc(ClaimWebRefreshesRequest, ClaimWebRefreshesResponse),
  [KnowledgeRpc.RequestWebRefreshes]: rpc(RequestWebRefreshesRequest, RequestWebRefreshesResponse),
  [KnowledgeRpc.RecordWebCheck]: rpc(RecordWebCheckRequest, DocumentSummary),
  [KnowledgeRpc.FindBySource]: rpc(FindBySourceRequest, FindBySourceResponse),
  [KnowledgeRpc.Delete]: rpc(DocumentRef, DeleteDocumentResponse),
  [KnowledgeRpc.Reindex]: rpc(DocumentRef, DocumentSummary),
  [KnowledgeRpc.SetLanguage]: rpc(SetDocumentLanguageRequest, SetDocumentLanguageResponse),
  [KnowledgeRpc.ReindexAll]: rpc(ReindexAllRequest, ReindexAllResponse),
  [KnowledgeRpc.List]: rpc(ListDocumentsRequest, ListDocumentsResponse),
  [KnowledgeRpc.Get]: rpc(GetDocumentRequest, GetDocumentResponse),
  [KnowledgeRpc.DocumentChunks]: rpc(DocumentChunksRequest, DocumentChunksResponse),
  [KnowledgeEvent.Progress]: event(DocumentProgress),
  [KnowledgeEvent.Queued]: event(DocumentQueued),
  [KnowledgeEvent.ChunksEmbedded]: event(ChunksEmbedded),
  [KnowledgeEvent.DocumentEmbedded]: event(DocumentEmbedded),
  [KnowledgeEvent.DocumentRemoved]: event(DocumentRemoved),
  [KnowledgeEvent.DocumentIndexed]: event(DocumentIndexed),
};
