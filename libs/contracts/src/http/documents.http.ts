import { z } from 'zod';

import {
  DocumentSource,
  DocumentStatus,
  DocumentSummary,
  GetDocumentResponse,
  ReplaceDocumentResponse,
  SetDocumentLanguageResponse,
} from '../messages/knowledge.messages';
import { SearchLanguage } from '../messages/search.messages';

/*
 * The knowledge base over HTTP (admins only). Uploads are `multipart/form-data` with the files in
 * the `files` field; the answers reuse the document shapes of the bus contract.
 */

/** The multipart field that carries the uploaded files. */
export const DOCUMENT_FILES_FIELD = 'files';
/** The most files one upload request may carry. */
export const MAX_FILES_PER_UPLOAD = 20;

/** `GET /api/documents?page=1&pageSize=20&search=dns&status=failed&source=web-failing` */
export const DocumentListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Case-insensitive part of the title or file name. */
  search: z.string().trim().min(1).max(200).optional(),
  status: DocumentStatus.optional(),
  source: DocumentSource.optional(),
});
export type DocumentListQuery = z.input<typeof DocumentListQuery>;

export const DocumentPage = z.object({
  items: z.array(DocumentSummary),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().nonnegative(),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

/** `GET /api/documents/:id?chunkOffset=0&chunkLimit=100`: the document with its chunks. */
export const DocumentDetailQuery = z.object({
  chunkOffset: z.coerce.number().int().nonnegative().default(0),
  chunkLimit: z.coerce.number().int().min(0).max(500).default(100),
});
export type DocumentDetailQuery = z.input<typeof DocumentDetailQuery>;

export const DocumentDetail = GetDocumentResponse;
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/**
 * What happened to one uploaded file. `created`: stored and queued for ingestion. `duplicate`:
 * another document already has exactly this content (`document` is that one; nothing was added).
 * `failed`: the file could not be stored or registered; `message` says why.
 */
export const DocumentUploadResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('created'),
    filename: z.string(),
    document: DocumentSummary,
  }),
  z.object({
    outcome: z.literal('duplicate'),
    filename: z.string(),
    document: DocumentSummary,
    message: z.string(),
  }),
  z.object({
    outcome: z.literal('failed'),
    filename: z.string(),
    message: z.string(),
  }),
]);
export type DocumentUploadResult = z.infer<typeof DocumentUploadResult>;

/** The most web addresses one import request may name. */
export const MAX_URLS_PER_IMPORT = 20;

/**
 * `POST /api/documents/import`: pages or files to fetch from the web into the knowledge base
 * (http or https). The answer is a `DocumentUploadResponse` with one result per address, in
 * order; `filename` is the address.
 */
const WebAddress = z
  .url({ protocol: /^https?$/u, error: 'must be an http or https address' })
  .max(2000);

export const DocumentImportBody = z.object({
  urls: z.array(WebAddress).min(1).max(MAX_URLS_PER_IMPORT),
});
export type DocumentImportBody = z.input<typeof DocumentImportBody>;

/** The most pages one discovery lists. */
export const MAX_DISCOVERED_PAGES = 500;
/** The most linked pages one discovery reads one level further. */
export const MAX_FOLLOWED_PAGES = 50;

/**
 * `POST /api/documents/import/discover`: the pages a help centre's page links to on the same
 * site, or those a sitemap lists, for an administrator to pick from before importing them.
 */
export const DocumentDiscoverBody = z.object({
  url: WebAddress,
  /**
   * 2: also the links of the linked pages under the address's path (a help centre's category
   * pages, whose articles its index does not list), up to `MAX_FOLLOWED_PAGES` of them.
   */
  depth: z.union([z.literal(1), z.literal(2)]).default(1),
});
export type DocumentDiscoverBody = z.input<typeof DocumentDiscoverBody>;

export const DiscoveredPage = z.object({
  url: z.string(),
  /** The link's text; for a sitemap entry, the address's path. */
  text: z.string(),
  /** The document already imported from this address, if any. */
  documentId: z.uuid().nullable(),
});
export type DiscoveredPage = z.infer<typeof DiscoveredPage>;

export const DocumentDiscoverResponse = z.object({
  /** The address read, after redirects. */
  url: z.string(),
  kind: z.enum(['page', 'sitemap']),
  pages: z.array(DiscoveredPage),
  /** More pages were found than `MAX_DISCOVERED_PAGES`. */
  truncated: z.boolean(),
  /** Linked pages read one level further (depth 2), and how many of them could not be read. */
  followed: z.number().int().nonnegative(),
  unreadable: z.number().int().nonnegative(),
});
export type DocumentDiscoverResponse = z.infer<typeof DocumentDiscoverResponse>;

/** `POST /api/documents`: one result per uploaded file, in the order they were sent. */
export const DocumentUploadResponse = z.object({ results: z.array(DocumentUploadResult) });
export type DocumentUploadResponse = z.infer<typeof DocumentUploadResponse>;

/** `PUT /api/documents/:id` (multipart, one file in `files`): a new version of the document. */
export const DocumentReplaceResponse = ReplaceDocumentResponse;
export type DocumentReplaceResponse = z.infer<typeof DocumentReplaceResponse>;

/**
 * `PUT /api/documents/:id/language`: the language to search the document in, for when the one
 * told from its opening is wrong; null goes back to telling it. A change re-indexes the document.
 */
export const DocumentLanguageBody = z.strictObject({ language: SearchLanguage.nullable() });
export type DocumentLanguageBody = z.input<typeof DocumentLanguageBody>;

export const DocumentLanguageResponse = SetDocumentLanguageResponse;
export type DocumentLanguageResponse = z.infer<typeof DocumentLanguageResponse>;

/** The longest article written in the console, in characters. */
export const MAX_ARTICLE_CHARACTERS = 100_000;

/**
 * `POST /api/documents/articles`: an article written in the console, stored as a Markdown
 * document under `# <title>`.
 */
export const ArticleBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(MAX_ARTICLE_CHARACTERS),
});
export type ArticleBody = z.input<typeof ArticleBody>;

/**
 * `PUT /api/documents/:id/article`: a new version of a Markdown or text document from the
 * console. `version` is the one the editor opened: a document changed since answers 409.
 */
export const ArticleEditBody = ArticleBody.extend({ version: z.number().int().positive() });
export type ArticleEditBody = z.input<typeof ArticleEditBody>;

/**
 * `GET /api/documents/:id/article`: a Markdown or text document as its editor shows it, the
 * heading that repeats its title left out.
 */
export const ArticleView = z.object({
  documentId: z.uuid(),
  title: z.string(),
  text: z.string(),
  version: z.number().int().positive(),
});
export type ArticleView = z.infer<typeof ArticleView>;

/** `POST /api/documents/reindex`: how many documents were queued. */
export const DocumentReindexAllResponse = z.object({ queued: z.number().int().nonnegative() });
export type DocumentReindexAllResponse = z.infer<typeof DocumentReindexAllResponse>;

/** `POST /api/documents/refresh`: how many web documents are being fetched again. */
export const DocumentRefreshAllResponse = z.object({
  queued: z.number().int().nonnegative(),
});
export type DocumentRefreshAllResponse = z.infer<typeof DocumentRefreshAllResponse>;

/**
 * `GET /api/documents/events` with `Accept: text/event-stream`: a `progress` event (a
 * `DocumentProgress`) for each stage change of any document, and a `heartbeat` event
 * (`{ at }`) every few seconds so proxies keep the connection open.
 */
export const DocumentEventName = { Progress: 'progress', Heartbeat: 'heartbeat' } as const;
