import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import type { OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { finalize, switchMap } from 'rxjs';

import type {
  DocumentDetail,
  DocumentProgress,
  DocumentStatus,
  DocumentSummary,
  SearchLanguage,
} from '@deskpilot/contracts';

import { ActionError } from '../ui/action-error';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { SEARCH_LANGUAGES, languageName, languageNames } from '../ui/language-names';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import { ArticleEditor } from './article-editor';
import { STATUS_LABELS, STATUS_TONES, languageOutcome, refreshOutcome } from './document-status';
import { KnowledgeApi } from './knowledge-api';

/** The search language choice that leaves it to be told from the document. */
const TOLD = 'told';
type LanguageChoice = SearchLanguage | typeof TOLD;

const IN_PROGRESS: readonly DocumentStatus[] = ['uploaded', 'extracting', 'embedding'];

/**
 * One document: what it is, where it stands (live, from the progress stream), the language it is
 * searched in, and the passages retrieval searches.
 */
@Component({
  selector: 'dp-document-page',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    PageHeader,
    ActionError,
    EmptyState,
    ErrorState,
    LoadingState,
    StatusBadge,
  ],
  template: `
    <a mat-button routerLink=".." class="back">
      <mat-icon aria-hidden="true">arrow_back</mat-icon>
      Knowledge base
    </a>
    @if (detail.error(); as message) {
      <dp-page-header heading="Document" />
      <dp-error-state
        heading="The document could not be loaded"
        [message]="message"
        (retry)="load()"
      />
    }
    @if (detail.value(); as value) {
      @let document = value.document;
      <dp-page-header [heading]="document.title" [subtitle]="document.originalFilename">
        <dp-status-badge
          [label]="statusLabels[document.status]"
          [tone]="statusTones[document.status]"
        />
        @if (document.sourceUrl !== null) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="refreshing()"
            (click)="refresh(document)"
          >
            <mat-icon aria-hidden="true">sync</mat-icon>
            Refresh from the web
          </button>
        } @else if (isArticle(document)) {
          <button mat-stroked-button type="button" [disabled]="editing()" (click)="edit(document)">
            <mat-icon aria-hidden="true">edit</mat-icon>
            Edit article
          </button>
        }
      </dp-page-header>
      @if (actionError(); as message) {
        <dp-action-error [message]="message" (dismiss)="actionError.set(undefined)" />
      }
      <section class="panel facts" aria-label="About this document">
        <dl>
          @if (document.sourceUrl; as sourceUrl) {
            <dt>Source</dt>
            <dd>
              <a class="source" [href]="sourceUrl" target="_blank" rel="noopener noreferrer">{{
                sourceUrl
              }}</a>
            </dd>
            <dt>Last fetched</dt>
            <dd>{{ document.sourceCheckedAt | date: 'medium' }}</dd>
          }
          <dt>Version</dt>
          <dd>{{ document.version }}</dd>
          <dt>Type</dt>
          <dd>{{ document.detectedType ?? 'not yet known' }}</dd>
          <dt>Size</dt>
          <dd>{{ document.sizeBytes / 1024 | number: '1.0-1' }} KB</dd>
          <dt>Chunks</dt>
          <dd>{{ value.totalChunks | number }}</dd>
          @if (languagesOf(value); as languages) {
            <dt>Searched in</dt>
            <dd>{{ languages }}</dd>
          }
          <dt>Uploaded by</dt>
          <dd>{{ document.uploadedBy.name }}</dd>
          <dt>Updated</dt>
          <dd>{{ document.updatedAt | date: 'medium' }}</dd>
        </dl>
        @if (isInProgress(document)) {
          <mat-progress-bar
            class="progress"
            mode="determinate"
            [value]="document.progress"
            [attr.aria-label]="statusLabels[document.status] + ' ' + document.progress + ' %'"
          />
        }
        <mat-form-field class="language" subscriptSizing="dynamic">
          <mat-label>Search language</mat-label>
          <mat-select
            [value]="document.language ?? told"
            [disabled]="settingLanguage()"
            (valueChange)="setLanguage(document, $event)"
          >
            <mat-option [value]="told">Told from the document</mat-option>
            @for (language of languages; track language) {
              <mat-option [value]="language">{{ languageName(language) }}</mat-option>
            }
          </mat-select>
          <mat-hint>Set it when the document is searched in the wrong language.</mat-hint>
        </mat-form-field>
        @if (document.failureReason; as reason) {
          <p class="failure" role="alert">{{ reason }}</p>
        }
        @if (document.sourceError; as sourceError) {
          <p class="failure" role="alert">
            The page has not answered since {{ document.sourceFailingSince | date: 'medium' }}:
            {{ sourceError }} The version fetched before stays searchable.
          </p>
        }
      </section>
      <section class="panel" aria-label="Chunks">
        <h2 class="section-title">Chunks</h2>
        @if (value.chunks.length === 0) {
          <dp-empty-state icon="segment" heading="No searchable chunks yet" />
        } @else {
          <ol class="chunks">
            @for (chunk of value.chunks; track chunk.chunkId) {
              <li class="chunk">
                <h3 class="heading-path">
                  {{
                    chunk.headingPath.length > 0 ? chunk.headingPath.join(' › ') : document.title
                  }}
                  <span class="tokens">{{ chunk.tokenCount }} tokens</span>
                </h3>
                <p class="chunk-text">{{ chunk.text }}</p>
              </li>
            }
          </ol>
        }
      </section>
    } @else if (detail.loading()) {
      <dp-loading-state label="Loading the document…" />
    }
  `,
  styles: `
    .back {
      margin-bottom: 8px;
    }
    .facts {
      margin-bottom: 16px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 24px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .source {
      overflow-wrap: anywhere;
    }
    .progress {
      margin-top: 12px;
    }
    .language {
      width: min(100%, 400px);
      margin-top: 16px;
    }
    .failure {
      margin: 12px 0 0;
      color: var(--mat-sys-error);
    }
    .section-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .chunks {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chunk {
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .heading-path {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .tokens {
      margin-left: 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .chunk-text {
      margin: 4px 0 0;
      white-space: pre-line;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentPage implements OnInit {
  private readonly api = inject(KnowledgeApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly articles = inject(ArticleEditor);
  private readonly destroyRef = inject(DestroyRef);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly statusTones = STATUS_TONES;
  protected readonly told = TOLD;
  protected readonly languages = SEARCH_LANGUAGES;
  protected readonly languageName = languageName;
  protected readonly detail = new RemoteData<DocumentDetail>();
  protected readonly refreshing = signal(false);
  protected readonly editing = signal(false);
  protected readonly settingLanguage = signal(false);
  protected readonly actionError = signal<string | undefined>(undefined);

  ngOnInit(): void {
    this.load();
    const stream = new AbortController();
    void this.api.followProgress(
      (event) => {
        this.onProgress(event);
      },
      () => {
        // Events sent while the stream was away are lost: read the document as it is now.
        this.load();
      },
      stream.signal,
    );
    this.destroyRef.onDestroy(() => {
      stream.abort();
    });
  }

  protected load(): void {
    this.detail.load(this.api.get(this.id()));
  }

  protected isInProgress(document: DocumentSummary): boolean {
    return IN_PROGRESS.includes(document.status);
  }

  /** Searches the document in the chosen language, or in the one told from it; a change re-indexes. */
  protected setLanguage(document: DocumentSummary, choice: LanguageChoice): void {
    this.settingLanguage.set(true);
    this.actionError.set(undefined);
    this.api
      .setLanguage(document.documentId, choice === TOLD ? null : choice)
      .pipe(
        finalize(() => {
          this.settingLanguage.set(false);
        }),
      )
      .subscribe({
        next: (response) => {
          this.snackBar.open(languageOutcome(document.title, response), 'OK', { duration: 6000 });
          this.load();
        },
        error: (error: unknown) => {
          this.actionError.set(describeHttpError(error));
          this.load();
        },
      });
  }

  /** A stage of this document's indexing as it happens; the result once it is indexed or failed. */
  private onProgress(event: DocumentProgress): void {
    const value = this.detail.value();
    if (event.documentId !== this.id() || value === undefined) {
      return;
    }
    if (!IN_PROGRESS.includes(event.stage)) {
      this.load();
      return;
    }
    this.detail.set({
      ...value,
      document: { ...value.document, status: event.stage, progress: event.percent },
    });
  }

  /** Fetches the page again; a change becomes a new version, indexed while the old one answers. */
  protected refresh(document: DocumentSummary): void {
    this.refreshing.set(true);
    this.actionError.set(undefined);
    this.api.refresh(document.documentId).subscribe({
      next: (response) => {
        this.refreshing.set(false);
        this.snackBar.open(refreshOutcome(document.title, response), 'OK', { duration: 6000 });
        this.load();
      },
      error: (error: unknown) => {
        this.refreshing.set(false);
        this.actionError.set(describeHttpError(error));
        this.load();
      },
    });
  }

  /**
   * The languages whose word forms search matches in the document's chunks ("German": other
   * forms of its German words find it); empty before it has chunks.
   */
  protected languagesOf(detail: DocumentDetail): string {
    return languageNames(detail.languages ?? []);
  }

  /** Markdown and text of its own can be edited here; a web page is refreshed from the web. */
  protected isArticle(document: DocumentSummary): boolean {
    return document.detectedType === 'markdown' || document.detectedType === 'text';
  }

  /** Opens the article's text in the editor; a saved edit becomes a new version. */
  protected edit(document: DocumentSummary): void {
    this.editing.set(true);
    this.actionError.set(undefined);
    this.api
      .article(document.documentId)
      .pipe(
        switchMap((article) => this.articles.edit(article)),
        finalize(() => {
          this.editing.set(false);
        }),
      )
      .subscribe({
        next: (result) => {
          if (result !== undefined) {
            this.load();
          }
        },
        error: (error: unknown) => {
          this.actionError.set(describeHttpError(error));
        },
      });
  }
}
