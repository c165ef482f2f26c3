import { BadGatewayException, ConflictException, Inject, Injectable } from '@nestjs/common';

import type {
  DiscoveredPage,
  DocumentDiscoverResponse,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResult,
} from '@deskpilot/contracts';
import { MAX_DISCOVERED_PAGES, MAX_FOLLOWED_PAGES } from '@deskpilot/contracts';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import type { DocumentActor } from './documents.service';
import { DocumentsService } from './documents.service';
import { sameWebContent } from './web-content';
import type { FoundLink } from './web-links';
import { entryText, isSitemap, linksOfPage, sitemapEntries } from './web-links';
import type { FetchedPage } from './web-page-fetcher';
import { WebFetchError, fetchWebPage } from './web-page-fetcher';

/* Pages fetched at once by one import. */
const CONCURRENT_FETCHES = 4;
/* Sitemaps of a sitemap index read by one discovery. */
const MAX_CHILD_SITEMAPS = 10;

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

  /**
   * One result per address, in order, named by the address as given; an address that fails does
   * not stop the others. Addresses are kept in the form links are read in (`webAddress`). An
   * address a document was already imported from is not fetched again: its result is that
   * document, as a duplicate (refreshing it fetches the page).
   */
  async importAll(urls: readonly string[], actor: DocumentActor): Promise<DocumentUploadResult[]> {
    const addresses = urls.map(webAddress);
    const distinct = [...new Set(addresses)];
    const imported = await this.documents.importedFrom(distinct);
    const results = await mapBounded(distinct, CONCURRENT_FETCHES, (address) => {
      const document = imported.get(address);
      return document === undefined
        ? this.importOne(address, actor)
        : Promise.resolve(alreadyImported(address, document));
    });
    const byAddress = new Map(distinct.map((address, index) => [address, results[index]]));
    return addresses.map((address, index) => ({
      ...(byAddress.get(address) as DocumentUploadResult),
      filename: urls[index] ?? address,
    }));
  }

  /**
   * The pages to offer for import from an address: those a page links to on the same site (with
   * depth 2, also those its linked pages under its path link to), or those a sitemap lists (with
   * a sitemap index, those of its first sitemaps).
   */
  async discover(url: string, depth: 1 | 2 = 1): Promise<DocumentDiscoverResponse> {
    const page = await this.fetchOrExplain(url);
    const body = page.buffer.toString('utf8');
    if (isSitemap(body)) {
      return this.sitemapPages(page.url, body);
    }
    const links = linksOfPage(body, page.url);
    if (depth === 1) {
      return this.listed(page.url, 'page', links, { followed: 0, unreadable: 0 });
    }
    const below = links
      .filter((link) => isBelow(new URL(link.url), page.url))
      .slice(0, MAX_FOLLOWED_PAGES);
    const read = await mapBounded(below, CONCURRENT_FETCHES, async (link) => {
      try {
        const linked = await this.fetch(link.url);
        return linksOfPage(linked.buffer.toString('utf8'), linked.url);
      } catch (error) {
        if (error instanceof WebFetchError) {
          return undefined;
        }
        throw error;
      }
    });
    const found = new Map(links.map((link) => [link.url, link.text]));
    for (const link of read.flatMap((linked) => linked ?? [])) {
      if (link.url !== page.url.href && !found.has(link.url)) {
        found.set(link.url, link.text);
      }
    }
    return this.listed(
      page.url,
      'page',
      [...found].map(([address, text]) => ({ url: address, text })),
      {
        followed: below.length,
        unreadable: read.filter((linked) => linked === undefined).length,
      },
    );
  }

  /**
   * Fetches a web document's address again; a change becomes a new version. A page whose only
   * changes are per-request tokens and scripts is `unchanged`. The document records the fetch:
   * when it was made and, when the address did not answer, why (the answer is then a 502).
   */
  async refresh(documentId: string, actor: DocumentActor): Promise<DocumentReplaceResponse> {
    const { document } = await this.documents.get(documentId, { chunkOffset: 0, chunkLimit: 0 });
    const { sourceUrl } = document;
    if (sourceUrl === null) {
      throw new ConflictException(
        `"${document.title}" was uploaded as a file, not imported from the web: replace its file instead.`,
      );
    }
    const page = await this.fetchOrExplain(sourceUrl, (reason) =>
      this.documents.recordWebCheck(documentId, reason),
    );
    const stored = await this.documents.readOriginal(document).catch(() => undefined);
    if (stored !== undefined && sameWebContent(stored, page.buffer)) {
      return {
        outcome: 'unchanged',
        document: await this.documents.recordWebCheck(documentId, null),
      };
    }
    const response = await this.documents.replace(documentId, fileOf(page), actor, { sourceUrl });
    if (response.outcome === 'replaced') {
      return response;
    }
    const checked = await this.documents.recordWebCheck(documentId, null);
    return response.outcome === 'unchanged' ? { ...response, document: checked } : response;
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

  private async sitemapPages(url: URL, body: string): Promise<DocumentDiscoverResponse> {
    const { pages, sitemaps } = sitemapEntries(body);
    for (const sitemap of sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
      if (pages.length > MAX_DISCOVERED_PAGES) {
        break;
      }
      const child = await this.fetchOrExplain(sitemap);
      pages.push(...sitemapEntries(child.buffer.toString('utf8')).pages);
    }
    return this.listed(
      url,
      'sitemap',
      [...new Set(pages)].map((address) => ({ url: address, text: entryText(address) })),
      { followed: 0, unreadable: 0 },
    );
  }

  /** The first `MAX_DISCOVERED_PAGES` pages, each with the document imported from it if any. */
  private async listed(
    url: URL,
    kind: DocumentDiscoverResponse['kind'],
    links: readonly FoundLink[],
    reading: Pick<DocumentDiscoverResponse, 'followed' | 'unreadable'>,
  ): Promise<DocumentDiscoverResponse> {
    const shown = links.slice(0, MAX_DISCOVERED_PAGES);
    const imported = await this.documents.importedFrom(shown.map((link) => link.url));
    return {
      url: url.href,
      kind,
      pages: shown.map((link): DiscoveredPage => ({
        ...link,
        documentId: imported.get(link.url)?.documentId ?? null,
      })),
      truncated: links.length > MAX_DISCOVERED_PAGES,
      ...reading,
    };
  }

  /**
   * The page, or a 502 that names the address and says why it could not be fetched, after
   * `beforeFailing` has been given the reason.
   */
  private async fetchOrExplain(
    url: string,
    beforeFailing?: (reason: string) => Promise<unknown>,
  ): Promise<FetchedPage> {
    try {
      return await this.fetch(url);
    } catch (error) {
      if (error instanceof WebFetchError) {
        await beforeFailing?.(error.message);
        throw new BadGatewayException(`${url}: ${error.message}`);
      }
      throw error;
    }
  }

  private fetch(url: string): Promise<FetchedPage> {
    return fetchWebPage(url, {
      maxBytes: this.config.uploadMaxBytes,
      timeoutMs: this.config.webImport.timeoutMs,
      allowInternal: this.config.webImport.allowInternal,
    });
  }
}

/** An address as links are read: normalised by the URL parser, without a fragment. */
function webAddress(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

function alreadyImported(url: string, document: DocumentSummary): DocumentUploadResult {
  return {
    outcome: 'duplicate',
    filename: url,
    document,
    message: `Already imported as "${document.title}"; refresh it to fetch the page again.`,
  };
}

function fileOf(page: FetchedPage) {
  return { buffer: page.buffer, filename: page.filename, contentType: page.contentType };
}

/**
 * Whether an address is under a page's: its path and query begin with the page's
 * (`/knowledgebase/1/Email` under `/knowledgebase`, `/kb/ssl` under `/kb/`).
 */
function isBelow(address: URL, page: URL): boolean {
  const within = (url: URL): string => `${url.pathname}${url.search}`;
  return within(address) !== within(page) && within(address).startsWith(within(page));
}

/** `work` for each item, at most `limit` at a time; the results in the items' order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
