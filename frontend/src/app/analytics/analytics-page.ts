import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';

import type {
  AnalyticsPart,
  AnalyticsReport,
  InteractionOutcome,
  InteractionSummary,
  InteractionsQuery,
  ListInteractionsResponse,
  UserPage,
} from '@deskpilot/contracts';

import { CONFIDENCE_BANDS, confidenceTone } from '../ui/confidence-bands';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import type { BadgeTone } from '../ui/status-badge';
import { UsersApi } from '../users/users-api';
import { AnalyticsApi } from './analytics-api';
import { AnalyticsCharts } from './analytics-charts';
import { KIND_LABELS, OUTCOME_TONES, formatCost, formatMs, formatPercent } from './formatting';
import { KnowledgeGaps } from './knowledge-gaps';
import type { GapsWindow } from './knowledge-gaps';

const PAGE_SIZE = 25;
const HOUR_MS = 3_600_000;
const RANGES = [
  { value: '24h', label: 'Last 24 hours', hours: 24 },
  { value: '7d', label: '7 days', hours: 7 * 24 },
  { value: '30d', label: '30 days', hours: 30 * 24 },
] as const;
type RangeValue = (typeof RANGES)[number]['value'];

/** How the assistant is used and received: charts over a range, and every interaction. */
@Component({
  selector: 'dp-analytics-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    PageHeader,
    EmptyState,
    ErrorState,
    LoadingState,
    StatusBadge,
    AnalyticsCharts,
    KnowledgeGaps,
  ],
  templateUrl: './analytics-page.html',
  styleUrl: './analytics-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnalyticsPage {
  private readonly api = inject(AnalyticsApi);

  protected readonly ranges = RANGES;
  protected readonly formatCost = formatCost;
  protected readonly formatMs = formatMs;
  protected readonly formatPercent = formatPercent;
  protected readonly partLabel = (part: AnalyticsPart): string =>
    part === 'interactions' ? 'Answers, latency, cost and feedback' : 'Ticket drafts';
  protected readonly confidenceBands = CONFIDENCE_BANDS;
  protected readonly confidenceTone = confidenceTone;
  protected readonly outcomes: readonly InteractionOutcome[] = [
    'ok',
    'failed',
    'cancelled',
    'pending',
  ];
  protected readonly columns = [
    'createdAt',
    'kind',
    'user',
    'question',
    'model',
    'outcome',
    'confidence',
    'tokens',
    'cost',
    'latency',
    'feedback',
  ];

  protected readonly range = signal<RangeValue>('7d');
  /** The instants the charts and the knowledge gaps cover. */
  protected readonly window = signal<GapsWindow>(windowOf('7d'));
  protected readonly report = new RemoteData<AnalyticsReport>();
  protected readonly users = new RemoteData<UserPage>();
  protected readonly interactions = new RemoteData<ListInteractionsResponse>();
  /** Cursors of the pages before the current one; the first page has none. */
  private readonly cursors = signal<(string | undefined)[]>([]);
  private readonly cursor = signal<string | undefined>(undefined);
  protected readonly pageNumber = computed(() => this.cursors().length + 1);
  private readonly applied = signal<InteractionsQuery>({ limit: PAGE_SIZE });
  protected readonly filtered = computed(() => Object.keys(this.applied()).length > 1);

  protected readonly userNames = computed(
    () => new Map((this.users.value()?.items ?? []).map((user) => [user.id, user.name])),
  );

  protected readonly filters = inject(NonNullableFormBuilder).group({
    userId: [''],
    from: [''],
    to: [''],
    feedback: [''],
    model: [''],
    outcome: [''],
    confidence: [''],
    kind: [''],
    cited: [''],
  });

  constructor() {
    this.users.load(inject(UsersApi).list({ page: 1, pageSize: 100 }));
    this.loadReport();
    this.loadInteractions();
  }

  protected selectRange(value: RangeValue): void {
    this.range.set(value);
    this.loadReport();
  }

  protected loadReport(): void {
    const covered = windowOf(this.range());
    this.window.set(covered);
    this.report.load(
      this.api.report({ ...covered, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
    );
  }

  protected loadInteractions(): void {
    const cursor = this.cursor();
    this.interactions.load(
      this.api.interactions({ ...this.applied(), ...(cursor === undefined ? {} : { cursor }) }),
    );
  }

  protected applyFilters(): void {
    const value = this.filters.getRawValue();
    const query: InteractionsQuery = { limit: PAGE_SIZE };
    if (value.userId !== '') {
      query.userId = value.userId;
    }
    const from = startOfDay(value.from, 0);
    if (from !== undefined) {
      query.from = from;
    }
    const to = startOfDay(value.to, 1);
    if (to !== undefined) {
      query.to = to;
    }
    if (value.feedback !== '') {
      query.feedback = value.feedback as InteractionsQuery['feedback'];
    }
    if (value.model.trim() !== '') {
      query.model = value.model.trim();
    }
    if (value.outcome !== '') {
      query.outcome = value.outcome as InteractionOutcome;
    }
    if (value.kind !== '') {
      query.kind = value.kind as InteractionsQuery['kind'];
    }
    if (value.cited !== '') {
      query.cited = value.cited as InteractionsQuery['cited'];
    }
    const band = CONFIDENCE_BANDS.find((candidate) => candidate.value === value.confidence);
    if (band?.min !== undefined) {
      query.minConfidence = band.min;
    }
    if (band?.below !== undefined) {
      query.belowConfidence = band.below;
    }
    this.applied.set(query);
    this.firstPage();
  }

  /**
   * The answers that cited no article, articles that say little about the question, or that
   * left out an article that fits it about as well, newest first, in the log below.
   */
  protected showCited(cited: Exclude<InteractionsQuery['cited'], 'some' | undefined>): void {
    this.filters.reset({ outcome: 'ok', cited });
    this.applyFilters();
  }

  protected clearFilters(): void {
    this.filters.reset();
    this.applied.set({ limit: PAGE_SIZE });
    this.firstPage();
  }

  protected nextPage(cursor: string): void {
    this.cursors.update((list) => [...list, this.cursor()]);
    this.cursor.set(cursor);
    this.loadInteractions();
  }

  protected previousPage(): void {
    const list = this.cursors();
    this.cursor.set(list.at(-1));
    this.cursors.set(list.slice(0, -1));
    this.loadInteractions();
  }

  protected userLabel(item: InteractionSummary): string {
    if (item.userId === null) {
      return item.kind === 'draft' ? 'Ticket drafter' : '—';
    }
    return this.userNames().get(item.userId) ?? item.userId;
  }

  protected kindLabel(item: InteractionSummary): string {
    return KIND_LABELS[item.kind];
  }

  /** The chosen confidence band in a word, so that the filter's field can stay narrow. */
  protected confidenceShort(value: string): string {
    return CONFIDENCE_BANDS.find((band) => band.value === value)?.short ?? 'Any confidence';
  }

  protected outcomeTone(item: InteractionSummary): BadgeTone {
    return OUTCOME_TONES[item.outcome];
  }

  protected tokens(item: InteractionSummary): string {
    if (item.promptTokens === null && item.completionTokens === null) {
      return '—';
    }
    return String((item.promptTokens ?? 0) + (item.completionTokens ?? 0));
  }

  protected feedbackOf(item: InteractionSummary): string {
    const up = item.feedback.filter((entry) => entry.rating === 'up').length;
    const down = item.feedback.length - up;
    return [up > 0 ? `${up} helpful` : '', down > 0 ? `${down} not helpful` : '']
      .filter((part) => part !== '')
      .join(', ');
  }

  private firstPage(): void {
    this.cursors.set([]);
    this.cursor.set(undefined);
    this.loadInteractions();
  }
}

/** The range's hours up to the end of the current hour. */
function windowOf(value: RangeValue): GapsWindow {
  const hours = RANGES.find((range) => range.value === value)?.hours ?? 24;
  const to = new Date(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS);
  return { from: new Date(to.getTime() - hours * HOUR_MS).toISOString(), to: to.toISOString() };
}

/** Local midnight of a yyyy-mm-dd day (plus `addDays`), as an ISO instant. */
function startOfDay(day: string, addDays: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) {
    return undefined;
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
