import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Subject, debounceTime, filter } from 'rxjs';

import type {
  DocumentPage,
  DocumentProgress,
  DraftPage,
  DraftStatus,
  KnowledgeGapsReport,
} from '@deskpilot/contracts';

import { AnalyticsApi } from '../analytics/analytics-api';
import { Session } from '../auth/session';
import { KnowledgeApi } from '../knowledge/knowledge-api';
import type { DraftStreamMessage } from '../tickets/draft-events';
import { DraftEvents } from '../tickets/draft-events';
import { waitingText } from '../tickets/draft-labels';
import { TicketsApi } from '../tickets/tickets-api';
import { RemoteData } from '../ui/remote-data';

/** The knowledge gaps counted on Home: the analytics page's default range. */
const GAP_DAYS = 7;
/** Draft statuses Home counts. */
const COUNTED: ReadonlySet<DraftStatus> = new Set(['ready', 'failed']);
/** Changes that arrive together (a poll drafting several tickets) are counted once. */
const RECOUNT_AFTER_MS = 300;
/** Documents finish together when many are indexed at once (a re-index of all of them). */
const RECOUNT_DOCUMENTS_AFTER_MS = 1_000;

/** One count of work waiting, with where to do it. */
interface Waiting {
  readonly key: string;
  readonly icon: string;
  readonly count: number | undefined;
  readonly label: string;
  readonly detail: string;
  readonly link: string;
  readonly queryParams?: Record<string, string>;
  /** Why it could not be counted. */
  readonly error?: string;
  /** Shown only while something waits (failures). */
  readonly onlyWhenWaiting?: boolean;
}

/**
 * What waits for the person signed in: drafts to review with the longest waiting customer, and
 * failed drafts (not written, or not posted); for administrators also the week's poorly answered
 * questions and documents that failed to index. Each count loads on its own; one that cannot be
 * read says so without hiding the others. The draft counts follow the live draft stream: they are
 * read again when a draft enters or leaves a counted status, and when the stream reconnects. The
 * count of documents not indexed follows the ingest progress stream likewise: it is read again
 * when a document fails or finishes indexing (a failed one indexed again leaves the count).
 */
@Component({
  selector: 'dp-waiting-work',
  imports: [RouterLink, MatIconModule],
  template: `
    <section class="waiting" aria-labelledby="waiting-title">
      <h2 class="section-heading" id="waiting-title">Waiting for you</h2>
      <ul class="counts" aria-label="Waiting for you">
        @for (item of shown(); track item.key) {
          <li>
            <a
              class="count"
              [attr.data-waiting]="item.key"
              [routerLink]="item.link"
              [queryParams]="item.queryParams"
            >
              <mat-icon class="count-icon" aria-hidden="true">{{ item.icon }}</mat-icon>
              <span class="count-value">{{ item.count ?? '…' }}</span>
              <span class="count-label">{{ item.label }}</span>
              <span class="count-detail" [class.error]="item.error">
                {{ item.error ?? item.detail }}
              </span>
            </a>
          </li>
        }
      </ul>
    </section>
  `,
  styleUrl: './waiting-work.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingWork {
  private readonly tickets = inject(TicketsApi);
  private readonly analytics = inject(AnalyticsApi);
  private readonly knowledge = inject(KnowledgeApi);

  private readonly admin = inject(Session).role() === 'admin';

  private readonly ready = new RemoteData<DraftPage>();
  private readonly failed = new RemoteData<DraftPage>();
  private readonly gaps = new RemoteData<KnowledgeGapsReport>();
  private readonly failedDocuments = new RemoteData<DocumentPage>();

  protected readonly shown = computed(() =>
    this.items().filter(
      (item) => item.onlyWhenWaiting !== true || (item.count ?? 0) > 0 || item.error !== undefined,
    ),
  );

  private readonly items = computed((): Waiting[] => {
    const ready = this.ready.value();
    const oldest = ready?.items[0]?.customerWaitingSince ?? null;
    const items: Waiting[] = [
      {
        key: 'ready-drafts',
        icon: 'rate_review',
        count: ready?.total,
        label: plural(ready?.total, 'draft to review', 'drafts to review'),
        detail:
          oldest === null
            ? 'No customer is waiting on a draft'
            : `The longest waiting customer: ${waitingText(oldest, Date.now())}`,
        link: '/tickets',
        error: this.ready.error(),
      },
      {
        key: 'failed-drafts',
        icon: 'edit_off',
        count: this.failed.value()?.total,
        label: plural(this.failed.value()?.total, 'failed draft', 'failed drafts'),
        detail: 'Not written by the model or not posted to WHMCS; each says why',
        link: '/tickets',
        queryParams: { status: 'failed' },
        error: this.failed.error(),
        onlyWhenWaiting: true,
      },
    ];
    if (!this.admin) {
      return items;
    }
    const gaps = this.gaps.value();
    return [
      ...items,
      {
        key: 'knowledge-gaps',
        icon: 'help_center',
        count: gaps?.weakAnswers,
        label: plural(gaps?.weakAnswers, 'question answered poorly', 'questions answered poorly'),
        detail:
          gaps === undefined || gaps.gaps.length === 0
            ? `In the last ${GAP_DAYS} days`
            : `In the last ${GAP_DAYS} days, about ${plural(gaps.gaps.length, 'topic', 'topics', true)}`,
        link: '/analytics',
        error: this.gaps.error(),
      },
      {
        key: 'failed-documents',
        icon: 'report',
        count: this.failedDocuments.value()?.total,
        label: plural(
          this.failedDocuments.value()?.total,
          'document not indexed',
          'documents not indexed',
        ),
        detail: 'Their text could not be read; the knowledge base says why',
        link: '/knowledge',
        queryParams: { status: 'failed' },
        error: this.failedDocuments.error(),
        onlyWhenWaiting: true,
      },
    ];
  });

  constructor() {
    this.countDrafts();
    inject(DraftEvents)
      .changes()
      .pipe(filter(changesCounts), debounceTime(RECOUNT_AFTER_MS), takeUntilDestroyed())
      .subscribe(() => {
        this.countDrafts();
      });
    if (this.admin) {
      const to = new Date();
      const from = new Date(to.getTime() - GAP_DAYS * 24 * 3_600_000);
      this.gaps.load(
        this.analytics.knowledgeGaps({ from: from.toISOString(), to: to.toISOString() }),
      );
      this.followFailedDocuments();
    }
  }

  private followFailedDocuments(): void {
    const recount = new Subject<void>();
    recount.pipe(debounceTime(RECOUNT_DOCUMENTS_AFTER_MS), takeUntilDestroyed()).subscribe(() => {
      this.failedDocuments.load(this.knowledge.list({ status: 'failed', pageSize: 1 }));
    });
    const stream = new AbortController();
    inject(DestroyRef).onDestroy(() => {
      stream.abort();
    });
    this.failedDocuments.load(this.knowledge.list({ status: 'failed', pageSize: 1 }));
    void this.knowledge.followProgress(
      (progress) => {
        if (endsIngest(progress)) {
          recount.next();
        }
      },
      () => {
        recount.next();
      },
      stream.signal,
    );
  }

  private countDrafts(): void {
    this.ready.load(this.tickets.drafts({ status: ['ready'], sort: 'waiting', pageSize: 1 }));
    this.failed.load(this.tickets.drafts({ status: ['failed'], pageSize: 1 }));
  }
}

/** Whether a message of the draft stream may change the draft counts. */
function changesCounts(message: DraftStreamMessage): boolean {
  if (message.type === 'connected') {
    return true;
  }
  const { status, previousStatus } = message.change;
  return COUNTED.has(status) || (previousStatus !== null && COUNTED.has(previousStatus));
}

/** Whether a progress event may change the count of documents not indexed. */
function endsIngest(progress: DocumentProgress): boolean {
  return progress.stage === 'failed' || progress.stage === 'indexed';
}

function plural(count: number | undefined, one: string, many: string, withCount = false): string {
  const word = count === 1 ? one : many;
  return withCount ? `${String(count ?? 0)} ${word}` : word;
}
