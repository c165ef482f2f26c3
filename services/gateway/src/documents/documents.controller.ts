import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotAcceptableException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod';

import {
  DOCUMENT_FILES_FIELD,
  DocumentDetail,
  DocumentDetailQuery,
  DocumentDiscoverBody,
  DocumentDiscoverResponse,
  DocumentEventName,
  DocumentImportBody,
  DocumentLanguageBody,
  DocumentLanguageResponse,
  DocumentListQuery,
  DocumentPage,
  DocumentRefreshAllResponse,
  DocumentReindexAllResponse,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResponse,
  MAX_DISCOVERED_PAGES,
  MAX_FILES_PER_UPLOAD,
  MAX_URLS_PER_IMPORT,
} from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import { SseStream, acceptsEventStream } from '../chat/sse-stream';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { DocumentProgressHub } from './document-progress.hub';
import type { IncomingFile } from './documents.service';
import { DocumentsService } from './documents.service';
import { UploadLimitFilter } from './upload-limit.filter';
import { WebImportService } from './web-import.service';
import { WebRefreshScheduler } from './web-refresh.scheduler';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such document' };
const TOO_LARGE = {
  status: HttpStatus.PAYLOAD_TOO_LARGE,
  description: 'A file is over UPLOAD_MAX_MB',
};
const UNAVAILABLE = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  description: 'The ingest service is not reachable',
};
const HEARTBEAT_MS = 15_000;

/** The part of multer's file object that an upload uses. */
interface MulterFile {
  readonly buffer: Buffer;
  readonly originalname: string;
  readonly mimetype: string;
}
const id = new ParseUUIDPipe();

const MULTIPART_BODY = {
  schema: {
    type: 'object' as const,
    properties: {
      [DOCUMENT_FILES_FIELD]: {
        type: 'array' as const,
        items: { type: 'string' as const, format: 'binary' },
      },
    },
    required: [DOCUMENT_FILES_FIELD],
  },
};

@ApiTags('documents')
@ApiParam({ name: 'id', required: false, description: 'Document id (UUID)' })
@Controller('documents')
@Roles('admin')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly progress: DocumentProgressHub,
    private readonly webImport: WebImportService,
    private readonly webRefresh: WebRefreshScheduler,
  ) {}

  @Post()
  @UseFilters(UploadLimitFilter)
  @UseInterceptors(FilesInterceptor(DOCUMENT_FILES_FIELD, MAX_FILES_PER_UPLOAD))
  @ApiOperation({
    summary: 'Upload one or more files (PDF, DOCX, HTML, Markdown, text) to the knowledge base',
    description:
      'Multipart with the files in `files`. Each file gets its own result: `created` (queued ' +
      'for ingestion), `duplicate` (the same content is already a document) or `failed`. The ' +
      'type is decided by ingest from the content, never from the name.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(MULTIPART_BODY)
  @ApiJsonResponse(HttpStatus.CREATED, DocumentUploadResponse)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'No files, or too many in one request' },
    TOO_LARGE,
  )
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFiles() files: MulterFile[] | undefined,
  ): Promise<DocumentUploadResponse> {
    const results = await this.documents.uploadAll(incomingFiles(files), user);
    return { results };
  }

  @Post('import')
  @ApiOperation({
    summary: 'Import pages or files from the web (http or https addresses)',
    description:
      `Up to ${MAX_URLS_PER_IMPORT} addresses. Each is fetched (redirects followed, the upload ` +
      'size limit applied, addresses on this host or private networks refused unless ' +
      'WEB_IMPORT_ALLOW_INTERNAL is set) and becomes a document that keeps its address, with a ' +
      'result per address as for an upload: `created`, `duplicate` or `failed` with the reason.',
  })
  @ApiJsonBody(DocumentImportBody)
  @ApiJsonResponse(HttpStatus.CREATED, DocumentUploadResponse)
  @ApiErrorResponses({
    status: HttpStatus.BAD_REQUEST,
    description: 'No addresses, too many, or one that is not http or https',
  })
  async import(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(DocumentImportBody)) body: z.output<typeof DocumentImportBody>,
  ): Promise<DocumentUploadResponse> {
    return { results: await this.webImport.importAll(body.urls, user) };
  }

  @Post('import/discover')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'List the pages a web page links to on its site, or those a sitemap lists',
    description:
      `Up to ${MAX_DISCOVERED_PAGES} addresses to pick from before importing them; nothing is ` +
      'imported. Links to other sites and to files that are not documents (images, scripts, ' +
      'archives) are left out. `depth` 2 adds the links of up to 50 linked pages under the ' +
      "address's path (a help centre's categories). A sitemap index contributes the pages of " +
      'its first 10 sitemaps.',
  })
  @ApiJsonBody(DocumentDiscoverBody)
  @ApiJsonResponse(HttpStatus.OK, DocumentDiscoverResponse)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'Not an http or https address' },
    { status: HttpStatus.BAD_GATEWAY, description: 'The address could not be fetched' },
  )
  discover(
    @Body(new ZodValidationPipe(DocumentDiscoverBody)) body: z.output<typeof DocumentDiscoverBody>,
  ): Promise<DocumentDiscoverResponse> {
    return this.webImport.discover(body.url, body.depth);
  }

  @Get()
  @ApiOperation({ summary: 'Documents, newest first; search by title, filter by status' })
  @ApiJsonQuery(DocumentListQuery)
  @ApiJsonResponse(HttpStatus.OK, DocumentPage)
  @ApiErrorResponses(UNAVAILABLE)
  list(
    @Query(new ZodValidationPipe(DocumentListQuery)) query: z.output<typeof DocumentListQuery>,
  ): Promise<DocumentPage> {
    return this.documents.list(query);
  }

  @Get('events')
  @ApiOperation({
    summary: 'Live progress of every document (server-sent events)',
    description:
      'Needs `Accept: text/event-stream`. Sends a `progress` event (stage and percent) for ' +
      'each step of any document, and a `heartbeat` event when the stream opens and every 15 s.',
  })
  @ApiProduces('text/event-stream')
  @ApiErrorResponses({
    status: HttpStatus.NOT_ACCEPTABLE,
    description: 'The request did not accept text/event-stream',
  })
  events(@Req() request: Request, @Res() response: Response): void {
    if (!acceptsEventStream(request)) {
      throw new NotAcceptableException(
        'This route streams server-sent events: send Accept: text/event-stream.',
      );
    }
    let heartbeat: NodeJS.Timeout | undefined = undefined;
    let unsubscribe = (): void => undefined;
    const stream = new SseStream(response, () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
    const beat = (): void => {
      stream.send({ event: DocumentEventName.Heartbeat, data: { at: new Date().toISOString() } });
    };
    unsubscribe = this.progress.subscribe({
      progress: (event) => {
        stream.send({ event: DocumentEventName.Progress, data: event });
      },
      close: () => {
        clearInterval(heartbeat);
        stream.end();
      },
    });
    heartbeat = setInterval(beat, HEARTBEAT_MS);
    heartbeat.unref();
    beat();
  }

  @Post('reindex')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Re-index every document (for example after changing the embedder)' })
  @ApiJsonResponse(HttpStatus.OK, DocumentReindexAllResponse)
  @ApiErrorResponses(UNAVAILABLE)
  reindexAll(): Promise<DocumentReindexAllResponse> {
    return this.documents.reindexAll();
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Fetch every web document from its address again',
    description:
      'The documents are fetched one after another in the background, each as ' +
      '`POST /api/documents/:id/refresh` does; the answer says how many.',
  })
  @ApiJsonResponse(HttpStatus.OK, DocumentRefreshAllResponse)
  @ApiErrorResponses(UNAVAILABLE)
  async refreshAll(@CurrentUser() user: AuthenticatedUser): Promise<DocumentRefreshAllResponse> {
    return { queued: await this.webRefresh.refreshAll(user) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One document with its searchable chunks, in document order' })
  @ApiJsonQuery(DocumentDetailQuery)
  @ApiJsonResponse(HttpStatus.OK, DocumentDetail)
  @ApiErrorResponses(NOT_FOUND, UNAVAILABLE)
  get(
    @Param('id', id) documentId: string,
    @Query(new ZodValidationPipe(DocumentDetailQuery)) query: z.output<typeof DocumentDetailQuery>,
  ): Promise<DocumentDetail> {
    return this.documents.get(documentId, query);
  }

  @Put(':id')
  @UseFilters(UploadLimitFilter)
  @UseInterceptors(FilesInterceptor(DOCUMENT_FILES_FIELD, 1))
  @ApiOperation({
    summary: 'Replace the file: a new version',
    description:
      'Multipart with one file in `files`. The old chunks stay searchable until the new version ' +
      'is indexed. `unchanged`: the file is the current content; `duplicate`: another document ' +
      'has it (that document is returned).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(MULTIPART_BODY)
  @ApiJsonResponse(HttpStatus.OK, DocumentReplaceResponse)
  @ApiErrorResponses(
    NOT_FOUND,
    { status: HttpStatus.BAD_REQUEST, description: 'Not exactly one file' },
    TOO_LARGE,
  )
  replace(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) documentId: string,
    @UploadedFiles() files: MulterFile[] | undefined,
  ): Promise<DocumentReplaceResponse> {
    const incoming = incomingFiles(files);
    if (incoming.length !== 1 || incoming[0] === undefined) {
      throw new BadRequestException('Send exactly one file to replace a document.');
    }
    return this.documents.replace(documentId, incoming[0], user);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete the document with its file, chunks and vectors' })
  @ApiErrorResponses(NOT_FOUND, UNAVAILABLE)
  delete(@Param('id', id) documentId: string): Promise<void> {
    return this.documents.delete(documentId);
  }

  @Post(':id/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Fetch a web document from its address again',
    description:
      'A change becomes a new version (`replaced`); the same content is `unchanged`. The old ' +
      'chunks stay searchable until the new version is indexed.',
  })
  @ApiJsonResponse(HttpStatus.OK, DocumentReplaceResponse)
  @ApiErrorResponses(
    NOT_FOUND,
    { status: HttpStatus.CONFLICT, description: 'The document was uploaded, not imported' },
    { status: HttpStatus.BAD_GATEWAY, description: 'The address could not be fetched' },
    UNAVAILABLE,
  )
  refresh(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) documentId: string,
  ): Promise<DocumentReplaceResponse> {
    return this.webImport.refresh(documentId, user);
  }

  @Put(':id/language')
  @ApiOperation({
    summary: 'Set the language the document is searched in',
    description:
      'For a document whose opening misleads language detection. `language` null tells it from ' +
      'the document again. `changed`: a new generation is queued, its chunks analysed in that ' +
      'language, and the old ones stay searchable until it is indexed; `unchanged`: nothing to do.',
  })
  @ApiJsonBody(DocumentLanguageBody)
  @ApiJsonResponse(HttpStatus.OK, DocumentLanguageResponse)
  @ApiErrorResponses(NOT_FOUND, UNAVAILABLE)
  setLanguage(
    @Param('id', id) documentId: string,
    @Body(new ZodValidationPipe(DocumentLanguageBody)) body: z.output<typeof DocumentLanguageBody>,
  ): Promise<DocumentLanguageResponse> {
    return this.documents.setLanguage(documentId, body.language);
  }

  @Post(':id/reindex')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Extract, chunk and embed the document again' })
  @ApiJsonResponse(HttpStatus.OK, DocumentSummary)
  @ApiErrorResponses(NOT_FOUND, UNAVAILABLE)
  reindex(@Param('id', id) documentId: string): Promise<DocumentSummary> {
    return this.documents.reindex(documentId);
  }
}

function incomingFiles(files: MulterFile[] | undefined): IncomingFile[] {
  if (files === undefined || files.length === 0) {
    throw new BadRequestException(
      `Send the files as multipart/form-data in the "${DOCUMENT_FILES_FIELD}" field.`,
    );
  }
  return files.map((file) => ({
    buffer: file.buffer,
    filename: file.originalname.trim() === '' ? 'unnamed' : file.originalname,
    contentType: file.mimetype,
  }));
}
