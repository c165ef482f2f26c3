import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import type { OnInit } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  Subject,
  concatMap,
  debounceTime,
  distinctUntilChanged,
  filter,
  firstValueFrom,
  from,
} from 'rxjs';

import type {
  DocumentPage,
  DocumentProgress,
  DocumentSource,
  DocumentStatus,
  DocumentSummary,
  DocumentUploadResult,
  SearchResponse,
} from '@deskpilot/contracts';
import { MAX_URLS_PER_IMPORT } from '@deskpilot/contracts';

import { ActionError } from '../ui/action-error';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { readingNote } from '../ui/language-names';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { PagePaginator } from '../ui/page-paginator';
import { RemoteData } from '../ui/remote-data';
import { SearchCorrections } from '../ui/search-corrections';
import type { BadgeTone } from '../ui/status-badge';
import { StatusBadge } from '../ui/status-badge';
import { ArticleEditor } from './article-editor';
import {
  SOURCES,
  SOURCE_LABELS,
  STATUSES,
  STATUS_LABELS,
  STATUS_TONES,
  refreshOutcome,
} from './document-status';
import { KnowledgeApi } from './knowledge-api';
import { LinkedPagesDialog } from './linked-pages-dialog';

const PAGE_SIZE = 20;

/** One file of an upload or one imported address, until the end of ingestion. */
interface UploadItem {
  readonly key: number;
  readonly name: string;
  /**
   * `sending`: the upload itself; `fetching`: the gateway fetches an address; `processing`:
   * ingest works on it; then an outcome.
   */
  readonly phase: 'sending' | 'fetching' | 'processing' | 'indexed' | 'failed' | 'duplicate';
  readonly percent: number;
  readonly stage: DocumentStatus | undefined;
  readonly documentId: string | undefined;
  readonly message: string | undefined;
}

/** The documents answers are grounded in: upload, follow ingestion, manage, test retrieval. */
@Component({
  selector: 'dp-knowledge-page',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatTableModule,
    PagePaginator,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    ErrorState,
    ActionError,
    LoadingState,
    StatusBadge,
    SearchCorrections,
  ],
  templateUrl: './knowledge-page.html',
  styleUrl: './knowledge-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KnowledgePage implements OnInit {
  private readonly api = inject(KnowledgeApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly articles = inject(ArticleEditor);
  private readonly searches = new Subject<string>();
  private nextKey = 1;

  protected readonly columns = ['title', 'status', 'chunks', 'version', 'updated', 'actions'];
  protected readonly statuses = STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly sources = SOURCES;
  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly readingNote = readingNote;
  protected readonly documents = new RemoteData<DocumentPage>();
  protected readonly search = signal('');
  protected readonly status = signal<DocumentStatus | undefined>(undefined);
  protected readonly source = signal<DocumentSource | undefined>(undefined);
  /** Web documents whose latest fetch failed, for the notice above the table. */
  protected readonly notAnswering = signal(0);
  protected readonly page = signal(1);
  protected readonly uploads = signal<UploadItem[]>([]);
  protected readonly dragging = signal(false);
  protected readonly actionError = signal<string | undefined>(undefined);
  protected readonly replacing = signal<DocumentSummary | undefined>(undefined);
  protected readonly addresses = signal('');
  protected readonly addressList = computed(() =>
    this.addresses()
      .split(/\s+/u)
      .filter((address) => address.length > 0),
  );
  protected readonly query = signal('');
  protected readonly results = new RemoteData<SearchResponse>();
  /** `?status=failed` in a link (from Home): the table opens filtered by that status. */
  readonly statusParam = input<string | undefined>(undefined, { alias: 'status' });

  constructor() {
    const destroyRef = inject(DestroyRef);
    const subscription = this.searches
      .pipe(debounceTime(250), distinctUntilChanged())
      .subscribe((search) => {
        this.search.set(search);
        this.page.set(1);
        this.reload();
      });
    const stream = new AbortController();
    void this.api.followProgress(
      (event) => {
        this.onProgress(event);
      },
      () => {
        this.catchUp();
      },
      stream.signal,
    );
    destroyRef.onDestroy(() => {
      subscription.unsubscribe();
      stream.abort();
    });
  }

  ngOnInit(): void {
    this.status.set(STATUSES.find((status) => status === this.statusParam()));
    this.reload();
  }

  protected reload(): void {
    const search = this.search().trim();
    const status = this.status();
    const source = this.source();
    this.documents.load(
      this.api.list({
        page: this.page(),
        pageSize: PAGE_SIZE,
        ...(search === '' ? {} : { search }),
        ...(status === undefined ? {} : { status }),
        ...(source === undefined ? {} : { source }),
      }),
    );
    this.api.list({ page: 1, pageSize: 1, source: 'web-failing' }).subscribe({
      next: ({ total }) => {
        this.notAnswering.set(total);
      },
      error: () => {
        this.notAnswering.set(0);
      },
    });
  }

  protected onSearch(value: string): void {
    this.searches.next(value);
  }

  /** `''` is "any status". */
  protected filterByStatus(status: DocumentStatus | ''): void {
    this.status.set(status === '' ? undefined : status);
    this.page.set(1);
    this.reload();
  }

  /** `''` is "any source". */
  protected filterBySource(source: DocumentSource | ''): void {
    this.source.set(source === '' ? undefined : source);
    this.page.set(1);
    this.reload();
  }

  protected changePage(page: number): void {
    this.page.set(page);
    this.reload();
  }

  protected statusLabel(document: DocumentSummary): string {
    return STATUS_LABELS[document.status];
  }

  protected statusTone(document: DocumentSummary): BadgeTone {
    return STATUS_TONES[document.status];
  }

  protected readonly trackById = (_index: number, document: DocumentSummary): string =>
    document.documentId;

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.uploadFiles(Array.from(event.dataTransfer?.files ?? []));
  }

  protected onPicked(input: HTMLInputElement): void {
    this.uploadFiles(Array.from(input.files ?? []));
    input.value = '';
  }

  protected clearFinished(): void {
    this.uploads.update((items) =>
      items.filter((item) => item.phase === 'sending' || item.phase === 'fetching'),
    );
  }

  protected uploadLabel(item: UploadItem): string {
    switch (item.phase) {
      case 'sending':
        return `Uploading ${item.percent}%`;
      case 'fetching':
        return 'Fetching…';
      case 'processing':
        return item.stage === undefined
          ? 'Queued'
          : `${STATUS_LABELS[item.stage]} ${item.percent}%`;
      case 'indexed':
        return 'Indexed';
      case 'duplicate':
      case 'failed':
        return item.message ?? 'Failed';
    }
  }

  protected chooseReplacement(document: DocumentSummary, input: HTMLInputElement): void {
    this.replacing.set(document);
    input.click();
  }

  protected onReplacementPicked(input: HTMLInputElement): void {
    const document = this.replacing();
    const file = input.files?.[0];
    input.value = '';
    if (document === undefined || file === undefined) {
      return;
    }
    this.actionError.set(undefined);
    this.api.replace(document.documentId, file).subscribe({
      next: (response) => {
        const message = {
          replaced: `${document.title}: version ${response.document.version} is being indexed`,
          unchanged: `${document.title} already has exactly this content`,
          duplicate: `That file is already the document "${response.document.title}"`,
        }[response.outcome];
        this.snackBar.open(message, 'OK', { duration: 6000 });
        this.reload();
      },
      error: (error: unknown) => {
        this.actionError.set(`${document.title}: ${describeHttpError(error)}`);
      },
    });
  }

  /** Imports the addresses in the field; each is followed in the uploads list like a file. */
  protected importFromWeb(): void {
    this.importUrls(this.addressList());
    this.addresses.set('');
  }

  /** Lets the administrator pick, among the pages the address links to, those to import. */
  protected findLinkedPages(): void {
    const [address] = this.addressList();
    this.dialog
      .open<LinkedPagesDialog, string, string[]>(LinkedPagesDialog, {
        data: address,
        width: '760px',
        maxWidth: '92vw',
      })
      .afterClosed()
      .pipe(filter((urls): urls is string[] => urls !== undefined && urls.length > 0))
      .subscribe((urls) => {
        this.addresses.set('');
        this.importUrls(urls);
      });
  }

  protected refresh(document: DocumentSummary): void {
    this.actionError.set(undefined);
    this.api.refresh(document.documentId).subscribe({
      next: (response) => {
        this.snackBar.open(refreshOutcome(document.title, response), 'OK', { duration: 6000 });
        this.reload();
      },
      error: (error: unknown) => {
        this.actionError.set(`${document.title}: ${describeHttpError(error)}`);
        this.reload();
      },
    });
  }

  protected reindex(document: DocumentSummary): void {
    this.api.reindex(document.documentId).subscribe({
      next: () => {
        this.snackBar.open(`${document.title} is being indexed again`, 'OK', { duration: 5000 });
        this.reload();
      },
      error: (error: unknown) => {
        this.actionError.set(`${document.title}: ${describeHttpError(error)}`);
      },
    });
  }

  /** Fetches every web document again, after the help centre it came from changed. */
  protected refreshAll(): void {
    confirmAction(this.dialog, {
      title: 'Fetch every web page again?',
      message:
        'Each document imported from the web is fetched from its address, one after another. A page that changed becomes a new version; one that does not answer is marked and stays as it is.',
      confirmLabel: 'Refresh web pages',
    })
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() => {
        this.actionError.set(undefined);
        this.api.refreshAll().subscribe({
          next: ({ queued }) => {
            this.snackBar.open(
              queued === 0
                ? 'No document was imported from the web'
                : `${queued} web ${queued === 1 ? 'page is' : 'pages are'} being fetched again`,
              'OK',
              { duration: 5000 },
            );
          },
          error: (error: unknown) => {
            this.actionError.set(`Refreshing web pages: ${describeHttpError(error)}`);
          },
        });
      });
  }

  /** Processes every document again, after the chunking or embedding settings changed. */
  protected reindexAll(): void {
    confirmAction(this.dialog, {
      title: 'Re-index every document?',
      message:
        'Every document is extracted, chunked and embedded again. Answers keep using the current passages of each document until its new ones are indexed.',
      confirmLabel: 'Re-index all',
    })
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() => {
        this.actionError.set(undefined);
        this.api.reindexAll().subscribe({
          next: ({ queued }) => {
            this.snackBar.open(
              `${queued} ${queued === 1 ? 'document is' : 'documents are'} being indexed again`,
              'OK',
              { duration: 5000 },
            );
            this.reload();
          },
          error: (error: unknown) => {
            this.actionError.set(`Re-indexing: ${describeHttpError(error)}`);
          },
        });
      });
  }

  protected remove(document: DocumentSummary): void {
    confirmAction(this.dialog, {
      title: `Delete ${document.title}?`,
      message:
        'The file and all its passages are removed. Answers stop citing it at once. This cannot be undone.',
      confirmLabel: 'Delete',
      destructive: true,
    })
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() => {
        this.api.delete(document.documentId).subscribe({
          next: () => {
            this.snackBar.open(`${document.title} was deleted`, 'OK', { duration: 5000 });
            this.reload();
          },
          error: (error: unknown) => {
            this.actionError.set(`${document.title}: ${describeHttpError(error)}`);
          },
        });
      });
  }

  protected dismissError(): void {
    this.actionError.set(undefined);
  }

  protected runSearch(): void {
    const query = this.query().trim();
    if (query !== '') {
      this.results.load(this.api.search({ query, topK: 5 }));
    }
  }

  /** An article written here; its progress shows with the uploads. */
  protected writeArticle(): void {
    this.articles
      .write({
        heading: 'Write an article',
        title: '',
        text: '',
        save: (title, text) => this.api.writeArticle({ title, text }),
      })
      .subscribe((result) => {
        if (result === undefined) {
          return;
        }
        this.showResult(this.addUpload(result.filename, 'sending'), result);
        this.reload();
      });
  }

  private uploadFiles(files: readonly File[]): void {
    for (const file of files) {
      const key = this.addUpload(file.name, 'sending');
      this.api.upload(file).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = Math.round((100 * event.loaded) / (event.total ?? file.size));
            this.updateUpload(key, { percent });
          } else if (event.type === HttpEventType.Response) {
            const result = event.body?.results[0];
            if (result === undefined) {
              this.updateUpload(key, { phase: 'failed', percent: 100 });
              return;
            }
            this.showResult(key, result);
            if (result.outcome === 'created') {
              this.reload();
            }
          }
        },
        error: (error: unknown) => {
          this.updateUpload(key, {
            phase: 'failed',
            percent: 100,
            message: describeHttpError(error),
          });
        },
      });
    }
  }

  /** Imports in requests of at most the gateway's maximum, one after another. */
  private importUrls(urls: readonly string[]): void {
    this.actionError.set(undefined);
    const batches: { urls: string[]; keys: number[] }[] = [];
    for (let start = 0; start < urls.length; start += MAX_URLS_PER_IMPORT) {
      const batch = urls.slice(start, start + MAX_URLS_PER_IMPORT);
      batches.push({ urls: batch, keys: batch.map((url) => this.addUpload(url, 'fetching')) });
    }
    from(batches)
      .pipe(
        concatMap(async (batch) => {
          try {
            const { results } = await firstValueFrom(this.api.importFromWeb(batch.urls));
            results.forEach((result, i) => {
              this.showResult(batch.keys[i] ?? 0, result);
            });
          } catch (error) {
            for (const key of batch.keys) {
              this.updateUpload(key, {
                phase: 'failed',
                percent: 100,
                message: describeHttpError(error),
              });
            }
          }
          this.reload();
        }),
      )
      .subscribe();
  }

  private addUpload(name: string, phase: 'sending' | 'fetching'): number {
    const key = this.nextKey++;
    this.uploads.update((items) => [
      {
        key,
        name,
        phase,
        percent: 0,
        stage: undefined,
        documentId: undefined,
        message: undefined,
      },
      ...items,
    ]);
    return key;
  }

  /** What the gateway did with an uploaded file or a fetched address. */
  private showResult(key: number, result: DocumentUploadResult): void {
    if (result.outcome === 'created') {
      const documentId = result.document.documentId;
      this.updateUpload(key, {
        phase: 'processing',
        percent: result.document.progress,
        documentId,
      });
      // Ingest may have moved on, or finished, before this response arrived.
      this.refreshUpload(documentId);
    } else {
      this.updateUpload(key, {
        phase: result.outcome,
        percent: 100,
        message: result.message,
      });
    }
  }

  private onProgress(event: DocumentProgress): void {
    this.showUploadProgress(event);
    const finished = event.stage === 'indexed' || event.stage === 'failed';
    const page = this.documents.value();
    if (page?.items.some((document) => document.documentId === event.documentId) === true) {
      if (finished) {
        this.reload();
      } else {
        this.documents.set({
          ...page,
          items: page.items.map((document) =>
            document.documentId === event.documentId
              ? { ...document, status: event.stage, progress: event.percent }
              : document,
          ),
        });
      }
    }
  }

  /**
   * After the progress stream (re)connects: reads the state of the uploads still in progress and
   * of the table, whose events may have been sent while the stream was away.
   */
  private catchUp(): void {
    for (const item of this.uploads()) {
      if (item.phase === 'processing' && item.documentId !== undefined) {
        this.refreshUpload(item.documentId);
      }
    }
    this.reload();
  }

  /** Shows an upload's document as it is now, whatever progress events the page missed. */
  private refreshUpload(documentId: string): void {
    this.api.get(documentId).subscribe({
      next: ({ document }) => {
        this.showUploadProgress({
          documentId: document.documentId,
          version: document.version,
          stage: document.status,
          percent: document.progress,
          message: document.failureReason,
          at: new Date().toISOString(),
        });
      },
      error: () => undefined,
    });
  }

  private showUploadProgress(event: DocumentProgress): void {
    this.uploads.update((items) =>
      items.map((item) =>
        item.documentId !== event.documentId || item.phase !== 'processing'
          ? item
          : {
              ...item,
              stage: event.stage,
              percent: event.percent,
              ...(event.stage === 'indexed' ? { phase: 'indexed' as const } : {}),
              ...(event.stage === 'failed'
                ? { phase: 'failed' as const, message: event.message ?? 'Failed' }
                : {}),
            },
      ),
    );
  }

  private updateUpload(key: number, change: Partial<UploadItem>): void {
    this.uploads.update((items) =>
      items.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  }
}
