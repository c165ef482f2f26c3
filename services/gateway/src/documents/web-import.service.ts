import { BadGatewayException, ConflictException, Inject, Injectable } from '@nestjs/common';

import type { DocumentReplaceResponse, DocumentUploadResult } from '@deskpilot/contracts';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import type { DocumentActor } from './documents.service';
import { DocumentsService } from './documents.service';
import type { FetchedPage } from './web-page-fetcher';
import { WebFetchError, fetchWebPage } from './web-page-fetcher';

/* Pages fetched at once by one import. */
const CONCURRENT_FETCHES = 4;

/**
 * Pages and files fetched from the web into the knowledge base. Each becomes a document through
 * the upload path (S3, ingest, retrieval) that keeps its address, so it can be refreshed from
 * the same address later: the new content becomes a new version, the same content changes
 * nothing.
 */
@Injectable()
export class WebImportService {
  constructor(
    private readonly documents: DocumentsService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** One result per address, in order; an address that fails does not stop the others. */
  async importAll(urls: readonly string[], actor: DocumentActor): Promise<DocumentUploadResult[]> {
    const results: DocumentUploadResult[] = new Array<DocumentUploadResult>(urls.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < urls.length) {
        const index = next;
        next += 1;
        results[index] = await this.importOne(urls[index] ?? '', actor);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_FETCHES, urls.length) }, worker));
    return results;
  }

  /** Fetches a web document's address again; a change becomes a new version. */
  async refresh(documentId: string, actor: DocumentActor): Promise<DocumentReplaceResponse> {
    const { document } = await this.documents.get(documentId, { chunkOffset: 0, chunkLimit: 0 });
    if (document.sourceUrl === null) {
      throw new ConflictException(
        `"${document.title}" was uploaded as a file, not imported from the web: replace its file instead.`,
      );
    }
    let page: FetchedPage;
    try {
      page = await this.fetch(document.sourceUrl);
    } catch (error) {
      if (error instanceof WebFetchError) {
        throw new BadGatewayException(`${document.sourceUrl}: ${error.message}`);
      }
      throw error;
    }
    return this.documents.replace(documentId, fileOf(page), actor, {
      sourceUrl: document.sourceUrl,
    });
  }

  private async importOne(url: string, actor: DocumentActor): Promise<DocumentUploadResult> {
    let page: FetchedPage;
    try {
      page = await this.fetch(url);
    } catch (error) {
      if (error instanceof WebFetchError) {
        return { outcome: 'failed', filename: url, message: error.message };
      }
      throw error;
    }
    const result = await this.documents.upload(fileOf(page), actor, { sourceUrl: url });
    return { ...result, filename: url };
  }

  private fetch(url: string): Promise<FetchedPage> {
    return fetchWebPage(url, {
      maxBytes: this.config.uploadMaxBytes,
      timeoutMs: this.config.webImport.timeoutMs,
      allowInternal: this.config.webImport.allowInternal,
    });
  }
}

function fileOf(page: FetchedPage) {
  return { buffer: page.buffer, filename: page.filename, contentType: page.contentType };
}
