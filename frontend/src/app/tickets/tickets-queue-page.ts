import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import type { MatSelectChange } from '@angular/material/select';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { debounceTime, filter, tap } from 'rxjs';

import type {
  DraftPage,
  DraftSort,
  DraftStatus,
  DraftView,
  DraftsQuery,
} from '@deskpilot/contracts';

import { Session } from '../auth/session';
import { WhmcsStoppedNotice } from '../operations/whmcs-stopped-notice';
import { CONFIDENCE_BANDS, confidenceTone } from '../ui/confidence-bands';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { PagePaginator } from '../ui/page-paginator';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import { DraftEvents } from './draft-events';
import {
  DRAFT_SORTS,
  DRAFT_STATUSES,
  confidenceText,
  draftWarnings,
  priorityTone,
  statusLabel,
  statusTone,
  waitingText,
} from './draft-labels';
import { TicketsApi } from './tickets-api';

const PAGE_SIZE = 25;
/** How often the waiting times are brought up to date between reloads. */
const CLOCK_TICK_MS = 30_000;

/**
 * The review queue: drafts by status, department and confidence, the longest waiting customer
 * first unless sorted otherwise, updated live as whmcs-sync writes new drafts or the ticket
 * moves on. The filters and the order live in the address.
 */
@Component({
  selector: 'dp-tickets-queue-page',
  imports: [
    DatePipe,
    RouterLink,
    MatTableModule,
    PagePaginator,
    MatFormFieldModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    PageHeader,
    EmptyState,
    ErrorState,
    LoadingState,
    StatusBadge,
    WhmcsStoppedNotice,
  ],
  templateUrl: './tickets-queue-page.html',
  styleUrl: './tickets-queue-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketsQueuePage {
  private readonly api = inject(TicketsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  protected readonly isAdmin = computed(() => this.session.role() === 'admin');

  // Query parameters of the address.
  readonly status = input<string>();
  readonly department = input<string>();
  readonly confidence = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();

  protected readonly statuses = DRAFT_STATUSES;
  protected readonly sorts = DRAFT_SORTS;
  protected readonly priorityTone = priorityTone;
  protected readonly waitingText = waitingText;
  protected readonly now = signal(Date.now());
  protected readonly bands = CONFIDENCE_BANDS;
  protected readonly statusLabel = statusLabel;
  protected readonly statusTone = statusTone;
  protected readonly confidenceText = confidenceText;
  protected readonly confidenceTone = confidenceTone;
  protected readonly warnings = draftWarnings;
  protected readonly drafts = new RemoteData<DraftPage>();
  protected readonly departments = signal<string[]>([]);
  /** Drafts that changed since the page opened, marked in the list. */
  protected readonly changed = signal<ReadonlySet<string>>(new Set());
  protected readonly live = signal(false);
  protected readonly announcement = signal('');

  protected readonly selectedStatus = computed<DraftStatus | 'all'>(() => {
    const value = this.status();
    if (value === 'all') {
      return 'all';
    }
    return DRAFT_STATUSES.find((entry) => entry.value === value)?.value ?? 'ready';
  });
  protected readonly selectedSort = computed<DraftSort>(
    () => DRAFT_SORTS.find((entry) => entry.value === this.sort())?.value ?? 'waiting',
  );
  /** The status column only when the list mixes statuses. */
  protected readonly columns = computed(() => [
    'ticket',
    'subject',
    'department',
    'priority',
    ...(this.selectedStatus() === 'all' ? ['status'] : []),
    'confidence',
    'flags',
    'waiting',
    'updated',
  ]);
  protected readonly filtered = computed(
    () =>
      this.selectedStatus() !== 'ready' ||
      (this.department() ?? '') !== '' ||
      (this.confidence() ?? '') !== '',
  );
  private readonly query = computed<DraftsQuery>(() => {
    const query: DraftsQuery = {
      page: pageNumber(this.page()),
      pageSize: PAGE_SIZE,
      sort: this.selectedSort(),
    };
    const status = this.selectedStatus();
    if (status !== 'all') {
      query.status = [status];
    }
    const department = this.department();
    if (department !== undefined && department !== '') {
      query.department = department;
    }
    const band = CONFIDENCE_BANDS.find((entry) => entry.value === this.confidence());
    if (band?.min !== undefined) {
      query.minConfidence = band.min;
    }
    if (band?.below !== undefined) {
      query.belowConfidence = band.below;
    }
    return query;
  });

  constructor() {
    const clock = setInterval(() => {
      this.now.set(Date.now());
    }, CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(clock);
    });
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.drafts.load(
          this.api.drafts(query).pipe(
            tap((page) => {
              this.remember(page.items);
            }),
          ),
        );
      });
    });
    inject(DraftEvents)
      .changes()
      .pipe(
        tap((message) => {
          this.live.set(true);
          if (message.type === 'changed') {
            this.changed.update((ids) => new Set([...ids, message.change.draftId]));
          }
        }),
        // After a reconnect, changes may have been missed while the stream was down.
        filter((message, index) => message.type === 'changed' || index > 0),
        debounceTime(300),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        this.announcement.set('The queue was updated');
        this.reload();
      });
    this.api.drafts({ pageSize: 200 }).subscribe({
      next: (page) => {
        this.remember(page.items);
      },
      error: () => undefined,
    });
  }

  protected reload(): void {
    this.drafts.load(
      this.api.drafts(this.query()).pipe(
        tap((page) => {
          this.remember(page.items);
        }),
      ),
    );
  }

  protected filterStatus(event: MatSelectChange): void {
    this.navigate({ status: event.value === 'ready' ? null : String(event.value), page: null });
  }

  protected filterDepartment(event: MatSelectChange): void {
    this.navigate({ department: event.value === '' ? null : String(event.value), page: null });
  }

  protected filterConfidence(event: MatSelectChange): void {
    this.navigate({ confidence: event.value === '' ? null : String(event.value), page: null });
  }

  protected sortBy(event: MatSelectChange): void {
    this.navigate({ sort: event.value === 'waiting' ? null : String(event.value), page: null });
  }

  protected clearFilters(): void {
    this.navigate({ status: null, department: null, confidence: null, page: null });
  }

  protected changePage(page: number): void {
    this.navigate({ page: page === 1 ? null : String(page) });
  }

  protected open(draft: DraftView): void {
    void this.router.navigate(['/tickets/drafts', draft.id]);
  }

  private remember(drafts: readonly DraftView[]): void {
    const known = new Set(this.departments());
    const before = known.size;
    for (const draft of drafts) {
      known.add(draft.department);
    }
    if (known.size !== before) {
      this.departments.set([...known].sort());
    }
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
