import type { HttpEvent } from '@angular/common/http';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';

import type {
  ArticleBody,
  ArticleEditBody,
  ArticleView,
  DocumentDetail,
  DocumentDiscoverResponse,
  DocumentLanguageResponse,
  DocumentListQuery,
  DocumentPage,
  DocumentProgress,
  DocumentRefreshAllResponse,
  DocumentReindexAllResponse,
  DocumentReplaceResponse,
  DocumentSummary,
  DocumentUploadResponse,
  DocumentUploadResult,
  SearchLanguage,
  SearchQueryRequest,
  SearchResponse,
} from '@deskpilot/contracts';

import { Session } from '../auth/session';

const RECONNECT_MS = 3_000;

@Injectable({ providedIn: 'root' })
export class KnowledgeApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);

  list(query: DocumentListQuery): Observable<DocumentPage> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params[key] = value as string | number;
      }
    }
    return this.http.get<DocumentPage>('/api/documents', { params });
  }

  get(id: string): Observable<DocumentDetail> {
    return this.http.get<DocumentDetail>(`/api/documents/${id}`, {
      params: { chunkLimit: 500 },
    });
  }

  /** One file per request, so each file has its own upload progress. */
  upload(file: File): Observable<HttpEvent<DocumentUploadResponse>> {
    return this.http.post<DocumentUploadResponse>('/api/documents', formOf(file), {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** Fetches each address into the knowledge base; one result per address, in order. */
  importFromWeb(urls: readonly string[]): Observable<DocumentUploadResponse> {
    return this.http.post<DocumentUploadResponse>('/api/documents/import', { urls });
  }

  /**
   * The pages a web page links to on its site (with depth 2, also those its linked pages under
   * its address link to), or those a sitemap lists.
   */
  discover(url: string, depth: 1 | 2): Observable<DocumentDiscoverResponse> {
    return this.http.post<DocumentDiscoverResponse>('/api/documents/import/discover', {
      url,
      depth,
    });
  }

  /** Fetches a web document from its address again. */
  refresh(id: string): Observable<DocumentReplaceResponse> {
    return this.http.post<DocumentReplaceResponse>(`/api/documents/${id}/refresh`, null);
  }

  /** An article written in the console, stored as a Markdown document. */
  writeArticle(body: ArticleBody): Observable<DocumentUploadResult> {
    return this.http.post<DocumentUploadResult>('/api/documents/articles', body);
  }

  /** A Markdown or text document as the article editor shows it. */
  article(id: string): Observable<ArticleView> {
    return this.http.get<ArticleView>(`/api/documents/${id}/article`);
  }

  /** An edited article as a new version of its document. */
  saveArticle(id: string, body: ArticleEditBody): Observable<DocumentReplaceResponse> {
    return this.http.put<DocumentReplaceResponse>(`/api/documents/${id}/article`, body);
  }

  replace(id: string, file: File): Observable<DocumentReplaceResponse> {
    return this.http.put<DocumentReplaceResponse>(`/api/documents/${id}`, formOf(file));
  }

  delete(id: string): Observable<null> {
    return this.http.delete<null>(`/api/documents/${id}`);
  }

  reindex(id: string): Observable<DocumentSummary> {
    return this.http.post<DocumentSummary>(`/api/documents/${id}/reindex`, null);
  }

  /** Searches the document in `language` from now on (null: tell it from the document). */
  setLanguage(id: string, language: SearchLanguage | null): Observable<DocumentLanguageResponse> {
    return this.http.put<DocumentLanguageResponse>(`/api/documents/${id}/language`, { language });
  }

  refreshAll(): Observable<DocumentRefreshAllResponse> {
    return this.http.post<DocumentRefreshAllResponse>('/api/documents/refresh', null);
  }

  reindexAll(): Observable<DocumentReindexAllResponse> {
    return this.http.post<DocumentReindexAllResponse>('/api/documents/reindex', null);
  }

  search(request: SearchQueryRequest): Observable<SearchResponse> {
    return this.http.post<SearchResponse>('/api/search', request);
  }

  /**
   * Follows `GET /api/documents/events` until `signal` aborts, reconnecting after a dropped
   * connection; `onConnected` runs at each (re)connection, as events sent meanwhile are lost.
   * EventSource cannot send the bearer token, so the stream is read with fetch.
   */
  async followProgress(
    onProgress: (event: DocumentProgress) => void,
    onConnected: () => void,
    signal: AbortSignal,
  ): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.readProgress(onProgress, onConnected, signal);
      } catch {
        // A dropped stream or an expired token: connect again below.
      }
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  private async readProgress(
    onProgress: (event: DocumentProgress) => void,
    onConnected: () => void,
    signal: AbortSignal,
  ): Promise<void> {
    const token = this.session.freshToken() ?? (await firstValueFrom(this.session.refresh()));
    const response = await fetch('/api/documents/events', {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      signal,
    });
    if (!response.ok || response.body === null) {
      throw new Error(`Progress stream refused (${response.status})`);
    }
    onConnected();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const lines = block.split('\n');
        const data = lines.find((line) => line.startsWith('data: '));
        if (lines.includes('event: progress') && data !== undefined) {
          onProgress(JSON.parse(data.slice(6)) as DocumentProgress);
        }
      }
    }
  }
}

function formOf(file: File): FormData {
  const form = new FormData();
  form.append('files', file, file.name);
  return form;
}
