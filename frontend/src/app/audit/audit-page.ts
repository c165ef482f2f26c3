import { DatePipe, JsonPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';

import type { AuditEntry, AuditPage, AuditQuery } from '@deskpilot/contracts';

import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { PagePaginator } from '../ui/page-paginator';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import { AuditApi } from './audit-api';
import { ACTION_GROUPS, actionLabel, actionTone } from './audit-labels';

const PAGE_SIZE = 50;

/**
 * Who did what, when and from where. The filters live in the address, so an investigation can
 * be bookmarked or sent to a colleague, and Back undoes a filter.
 */
@Component({
  selector: 'dp-audit-page',
  imports: [
    DatePipe,
    JsonPipe,
    ReactiveFormsModule,
    MatTableModule,
    PagePaginator,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    PageHeader,
    EmptyState,
    ErrorState,
    LoadingState,
    StatusBadge,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly api = inject(AuditApi);
  private readonly router = inject(Router);

  // Query parameters of the address.
  readonly actor = input<string>();
  readonly action = input<string>();
  /** Calendar days (yyyy-mm-dd) in the browser's time zone, both included. */
  readonly from = input<string>();
  readonly to = input<string>();
  readonly page = input<string>();

  protected readonly columns = ['occurredAt', 'actor', 'action', 'target', 'ip', 'expand'];
  protected readonly actionGroups = ACTION_GROUPS;
  protected readonly actionLabel = actionLabel;
  protected readonly actionTone = actionTone;
  protected readonly entries = new RemoteData<AuditPage>();
  protected readonly expanded = signal<string | undefined>(undefined);
  protected readonly filters = inject(NonNullableFormBuilder).group({
    actor: [''],
    action: [''],
    from: [''],
    to: [''],
  });

  private readonly query = computed<AuditQuery>(() => {
    const query: AuditQuery = { page: pageNumber(this.page()), pageSize: PAGE_SIZE };
    const actor = this.actor()?.trim();
    if (actor !== undefined && actor !== '') {
      query.actorEmail = actor;
    }
    if (this.action() !== undefined && this.action() !== '') {
      query.action = this.action();
    }
    const from = startOfDay(this.from(), 0);
    if (from !== undefined) {
      query.from = from;
    }
    const to = startOfDay(this.to(), 1);
    if (to !== undefined) {
      query.to = to;
    }
    return query;
  });
  protected readonly filtered = computed(() =>
    [this.actor(), this.action(), this.from(), this.to()].some((v) => (v ?? '') !== ''),
  );

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => {
        this.filters.setValue(
          {
            actor: this.actor() ?? '',
            action: this.action() ?? '',
            from: this.from() ?? '',
            to: this.to() ?? '',
          },
          { emitEvent: false },
        );
        this.expanded.set(undefined);
        this.entries.load(this.api.list(query));
      });
    });
  }

  protected reload(): void {
    this.entries.load(this.api.list(this.query()));
  }

  protected applyFilters(): void {
    const { actor, action, from, to } = this.filters.getRawValue();
    this.navigate({
      actor: actor.trim() || null,
      action: action || null,
      from: from || null,
      to: to || null,
      page: null,
    });
  }

  protected clearFilters(): void {
    this.navigate({ actor: null, action: null, from: null, to: null, page: null });
  }

  protected changePage(page: number): void {
    this.navigate({ page: page === 1 ? null : String(page) });
  }

  protected toggle(entry: AuditEntry): void {
    this.expanded.update((current) => (current === entry.id ? undefined : entry.id));
  }

  protected hasDetails(entry: AuditEntry): boolean {
    return Object.keys(entry.details).length > 0;
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** Local midnight of a yyyy-mm-dd day (plus `addDays`), as an ISO instant. */
function startOfDay(day: string | undefined, addDays: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (match === null) {
    return undefined;
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
