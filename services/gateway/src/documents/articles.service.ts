import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';

import type {
  ArticleBody,
  ArticleEditBody,
  ArticleView,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResult,
} from '@deskpilot/contracts';

import { articleFilename, articleMarkdown, articleText } from './article-markdown';
import type { DocumentActor } from './documents.service';
import { DocumentsService } from './documents.service';

/** Types of original the console's editor can show as they are. */
const EDITABLE_TYPES: ReadonlySet<string> = new Set(['markdown', 'text']);
/** Before extraction has looked at the content, what the uploader declared. */
const EDITABLE_DECLARED = /^text\/(?:markdown|x-markdown|plain)\b/iu;

/**
 * Articles written and edited in the console: Markdown documents that go through the same path
 * as uploaded files (stored in S3, extracted, chunked, embedded, audited), so that an
 * administrator can answer a knowledge gap without leaving the console.
 */
@Injectable()
export class ArticlesService {
  constructor(private readonly documents: DocumentsService) {}

  async write(
    actor: DocumentActor,
    body: z.output<typeof ArticleBody>,
  ): Promise<DocumentUploadResult> {
    const result = await this.documents.upload(
      {
        buffer: Buffer.from(articleMarkdown(body.title, body.text)),
        filename: articleFilename(body.title),
        contentType: 'text/markdown',
      },
      actor,
      { title: body.title },
    );
    if (result.outcome === 'failed') {
      throw new UnprocessableEntityException(result.message);
    }
    return result;
  }

  async read(documentId: string): Promise<ArticleView> {
    const document = await this.editable(documentId);
    const original = await this.documents.readOriginal(document);
    let markdown: string;
    try {
      markdown = new TextDecoder('utf-8', { fatal: true }).decode(original);
    } catch {
      throw new ConflictException(
        `"${document.title}" is not UTF-8 text; replace its file to change it.`,
      );
    }
    return {
      documentId,
      title: document.title,
      text: articleText(markdown, document.title),
      version: document.version,
    };
  }

  /** A new version from the editor, unless the document changed since the editor opened it. */
  async edit(
    actor: DocumentActor,
    documentId: string,
    body: z.output<typeof ArticleEditBody>,
  ): Promise<DocumentReplaceResponse> {
    const document = await this.editable(documentId);
    if (document.version !== body.version) {
      throw new ConflictException(
        `"${document.title}" was changed since it was opened (it is at version ` +
          `${document.version} now); open it again to see the changes.`,
      );
    }
    return this.documents.replace(
      documentId,
      {
        buffer: Buffer.from(articleMarkdown(body.title, body.text)),
        filename: document.originalFilename.toLowerCase().endsWith('.md')
          ? document.originalFilename
          : articleFilename(body.title),
        contentType: 'text/markdown',
      },
      actor,
      { title: body.title },
    );
  }

  /** The document, if it is Markdown or text of its own (a web page is refreshed from the web). */
  private async editable(documentId: string): Promise<DocumentSummary> {
    const { document } = await this.documents.get(documentId, { chunkOffset: 0, chunkLimit: 0 });
    if (document.sourceUrl !== null) {
      throw new ConflictException(
        `"${document.title}" is fetched from ${document.sourceUrl}; change it there, or delete it ` +
          'and write an article instead.',
      );
    }
    const editable =
      document.detectedType === null
        ? EDITABLE_DECLARED.test(document.declaredContentType)
        : EDITABLE_TYPES.has(document.detectedType);
    if (!editable) {
      throw new ConflictException(
        `"${document.title}" is a ${document.detectedType ?? document.declaredContentType} file; ` +
          'only Markdown and text documents can be edited here. Replace its file to change it.',
      );
    }
    return document;
  }
}
