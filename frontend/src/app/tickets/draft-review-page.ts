import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import type { ElementRef } from '@angular/core';
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
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import { filter, tap } from 'rxjs';

import type {
  DraftView,
  ReplyAuthor,
  TicketDetailResponse,
  TicketNote,
  TicketStatusList,
} from '@deskpilot/contracts';
import { closeLeftOut } from '@deskpilot/contracts';

import { confidenceTone } from '../ui/confidence-bands';
import { confirmAction } from '../ui/confirm-dialog';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { Markdown } from '../ui/markdown';
import { PageHeader } from '../ui/page-header';
import { RemoteData } from '../ui/remote-data';
import { SearchCorrections } from '../ui/search-corrections';
import { StatusBadge } from '../ui/status-badge';
import { UnsupportedSentences } from '../ui/unsupported-sentences';
import { DraftEvents } from './draft-events';
import {
  ANSWERED,
  CLOSED,
  confidenceText,
  draftWarnings,
  replyStatusText,
  statusLabel,
  statusTone,
} from './draft-labels';
import { SimilarReplies } from './similar-replies';
import { TicketNotes } from './ticket-notes';
import { TicketsApi } from './tickets-api';

/** Keyboard shortcuts of the review screen, shown on screen as well. */
export const REVIEW_SHORTCUTS = [
  { keys: 'A', action: 'Approve and send' },
  { keys: 'Ctrl/⌘ + Enter', action: 'Approve and send, also while editing' },
  { keys: 'C', action: 'Close the ticket with the reply, or leave it Answered' },
  { keys: 'E', action: 'Edit the draft' },
  { keys: 'R', action: 'Reject' },
  { keys: 'G', action: 'Regenerate' },
  { keys: 'N', action: 'Next draft: the ready one whose customer has waited longest' },
  { keys: 'Esc', action: 'Leave the editor' },
] as const;

type Busy = 'save' | 'approve' | 'reject' | 'regenerate';

/**
 * One draft under review: the ticket thread (customer text shown as plain text, never as HTML),
 * the customer, the draft with its citations and warnings, an editor, and the actions.
 */
@Component({
  selector: 'dp-draft-review-page',
  imports: [
    DatePipe,
    DecimalPipe,
    PercentPipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTooltipModule,
    PageHeader,
    ErrorState,
    LoadingState,
    Markdown,
    SearchCorrections,
    StatusBadge,
    TicketNotes,
    SimilarReplies,
    UnsupportedSentences,
  ],
  templateUrl: './draft-review-page.html',
  styleUrl: './draft-review-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
})
export class DraftReviewPage {
  private readonly api = inject(TicketsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  /** Route parameter. */
  readonly draftId = input.required<string>();

  protected readonly shortcuts = REVIEW_SHORTCUTS;
  protected readonly shortcutHelp = REVIEW_SHORTCUTS.map((s) => `${s.keys}: ${s.action}`).join(
    ' · ',
  );
  protected readonly statusLabel = statusLabel;
  protected readonly statusTone = statusTone;
  protected readonly confidenceText = confidenceText;
  protected readonly confidenceTone = confidenceTone;
  protected readonly draft = new RemoteData<DraftView>();
  protected readonly ticket = new RemoteData<TicketDetailResponse>();
  /** Who the reply goes out as; the note under the editor stays away if it cannot be told. */
  protected readonly author = new RemoteData<ReplyAuthor>();
  protected readonly text = signal('');
  protected readonly reason = signal('');
  /** What the next draft should do differently, sent with Regenerate. */
  protected readonly guidance = signal('');
  /** The install's ticket statuses; the picker falls back to the core ones without them. */
  protected readonly statuses = new RemoteData<TicketStatusList>();
  /** The ticket's WHMCS status after the reply. */
  protected readonly replyStatus = signal(ANSWERED);
  protected readonly statusOptions = computed(
    () =>
      this.statuses.value()?.statuses ?? [
        { title: ANSWERED, color: null },
        { title: CLOSED, color: null },
      ],
  );
  protected readonly replyStatusText = replyStatusText;
  protected readonly busy = signal<Busy | undefined>(undefined);
  protected readonly actionError = signal<string | undefined>(undefined);
  protected readonly selectedCitation = signal<number | undefined>(undefined);
  protected readonly changedElsewhere = signal(false);

  protected readonly warnings = computed(() => {
    const draft = this.draft.value();
    return draft === undefined ? [] : draftWarnings(draft);
  });
  /** The article the draft leaves out though it fits the ticket as well, with its passage. */
  protected readonly leftOut = computed(() => {
    const leftOut = closeLeftOut(this.draft.value()?.flags);
    return leftOut?.passage === undefined ? undefined : { ...leftOut, passage: leftOut.passage };
  });
  /** Which articles a reviewer had this draft written from, when one chose them. */
  protected readonly chosenSources = computed(() => {
    const draft = this.draft.value();
    const ids = draft?.sourceDocumentIds;
    if (draft === undefined || ids === null || ids === undefined) {
      return undefined;
    }
    const titles = [
      ...new Set(
        draft.citations
          .filter((citation) => ids.includes(citation.documentId))
          .map((citation) => `“${citation.documentTitle}”`),
      ),
    ];
    return titles.length > 0
      ? `Written from ${titles.join(', ')} only, as a reviewer asked.`
      : `Written only from the ${ids.length === 1 ? 'article' : 'articles'} a reviewer chose.`;
  });
  /** A failed draft is reviewed too: the reviewer writes the reply the drafter could not. */
  protected readonly reviewable = computed(() => {
    const status = this.draft.value()?.status;
    return status === 'ready' || status === 'failed';
  });
  /** A failed draft has no text of its own and goes only with what the reviewer wrote. */
  protected readonly approvable = computed(
    () =>
      this.reviewable() && (this.draft.value()?.status === 'ready' || this.text().trim() !== ''),
  );
  protected readonly dirty = computed(() => {
    const draft = this.draft.value();
    return draft !== undefined && this.text().trim() !== (draft.text ?? '').trim();
  });
  protected readonly newerDraft = computed(() => {
    const current = this.ticket.value()?.currentDraft;
    return current !== null && current !== undefined && current.id !== this.draftId()
      ? current
      : undefined;
  });

  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  constructor() {
    this.author.load(this.api.replyAuthor());
    this.statuses.load(this.api.replyStatuses());
    effect(() => {
      const id = this.draftId();
      untracked(() => {
        this.load(id);
      });
    });
    inject(DraftEvents)
      .changes()
      .pipe(
        filter(
          (message) =>
            message.type === 'changed' && message.change.ticketId === this.draft.value()?.ticketId,
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        if (this.busy() === undefined) {
          this.refresh();
        }
      });
  }

  protected onKey(event: KeyboardEvent): void {
    const target = event.target;
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
        target.getAttribute('role') === 'combobox');
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.approve();
      return;
    }
    if (typing) {
      if (event.key === 'Escape' && target instanceof HTMLElement) {
        target.blur();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const action: Record<string, () => void> = {
      a: () => {
        this.approve();
      },
      e: () => {
        this.editor()?.nativeElement.focus();
      },
      c: () => {
        if (this.reviewable()) {
          this.replyStatus.update((status) => (status === CLOSED ? ANSWERED : CLOSED));
        }
      },
      r: () => {
        this.reject();
      },
      g: () => {
        this.regenerate();
      },
      n: () => {
        this.next();
      },
    };
    const run = action[event.key.toLowerCase()];
    if (run !== undefined) {
      event.preventDefault();
      run();
    }
  }

  protected reload(): void {
    this.load(this.draftId());
  }

  protected save(): void {
    const draft = this.draft.value();
    if (draft === undefined || !this.reviewable() || this.busy() !== undefined) {
      return;
    }
    this.run(
      'save',
      this.api.edit(draft.id, { text: this.text(), expectedVersion: draft.version }),
      (saved) => {
        this.show(saved);
        this.snackBar.open('Edit saved', 'OK', { duration: 4000 });
      },
    );
  }

  protected approve(): void {
    const draft = this.draft.value();
    if (draft === undefined || !this.approvable() || this.busy() !== undefined) {
      return;
    }
    const body = {
      ...(this.dirty() ? { text: this.text() } : {}),
      ...(this.replyStatus() === ANSWERED ? {} : { status: this.replyStatus() }),
      expectedVersion: draft.version,
    };
    this.run('approve', this.api.approve(draft.id, body), (result) => {
      this.show(result.draft);
      const status = result.draft.replyStatus;
      const sent =
        status === null
          ? 'Reply sent to the customer'
          : `Reply sent to the customer; the ticket is ${status === CLOSED ? 'closed' : status}`;
      this.snackBar.open(result.outcome === 'sent' ? sent : result.message, 'OK', {
        duration: 6000,
      });
      this.loadTicket(result.draft.ticketId);
    });
  }

  protected reject(): void {
    const draft = this.draft.value();
    if (draft === undefined || !this.reviewable() || this.busy() !== undefined) {
      return;
    }
    const reason = this.reason().trim();
    this.run(
      'reject',
      this.api.reject(draft.id, {
        expectedVersion: draft.version,
        ...(reason === '' ? {} : { reason }),
      }),
      (rejected) => {
        this.show(rejected);
        this.snackBar.open('Draft rejected; nothing was sent', 'OK', { duration: 5000 });
      },
    );
  }

  /** Asks for a new draft with the guidance typed, from `sourceDocumentIds` only when given. */
  protected regenerate(sourceDocumentIds?: string[]): void {
    const draft = this.draft.value();
    if (
      draft === undefined ||
      this.busy() !== undefined ||
      !['ready', 'failed'].includes(draft.status)
    ) {
      return;
    }
    const guidance = this.guidance().trim();
    const body = {
      ...(guidance === '' ? {} : { guidance }),
      ...(sourceDocumentIds === undefined ? {} : { sourceDocumentIds }),
    };
    this.run('regenerate', this.api.regenerate(draft.id, body), (fresh) => {
      this.guidance.set('');
      this.snackBar.open('A new draft is being written', 'OK', { duration: 5000 });
      this.loadTicket(fresh.ticketId);
      this.draft.load(this.api.draft(draft.id));
    });
  }

  /**
   * Starts the reply from an earlier one's text, after asking when it would replace unsaved
   * edits; nothing is kept until it is saved or sent.
   */
  protected useEarlierReply(text: string): void {
    const use = (): void => {
      this.text.set(text);
      this.editor()?.nativeElement.focus();
    };
    if (!this.dirty()) {
      use();
      return;
    }
    confirmAction(this.dialog, {
      title: 'Replace your edits?',
      message: 'The editor holds changes that are not saved; the earlier reply takes their place.',
      confirmLabel: 'Replace',
      destructive: true,
    })
      .pipe(filter(Boolean))
      .subscribe(use);
  }

  /** Opens the ready draft whose customer has waited longest, other than this one. */
  protected next(): void {
    const current = this.draftId();
    this.api.drafts({ status: ['ready'], sort: 'waiting', pageSize: 2 }).subscribe({
      next: (page) => {
        const next = page.items.find((draft) => draft.id !== current);
        if (next === undefined) {
          this.snackBar.open('No other draft is ready for review', 'OK', { duration: 5000 });
          void this.router.navigate(['/tickets']);
          return;
        }
        void this.router.navigate(['/tickets/drafts', next.id]);
      },
      error: (error: unknown) => {
        this.actionError.set(describeHttpError(error));
      },
    });
  }

  /** A note was added: the draft was written without it, so offer a new one. */
  protected showNotes(notes: TicketNote[]): void {
    const detail = this.ticket.value();
    if (detail !== undefined) {
      this.ticket.set({ ...detail, notes });
    }
    if (!this.reviewable()) {
      this.snackBar.open('Note added in WHMCS', 'OK', { duration: 5000 });
      return;
    }
    this.snackBar
      .open('Note added in WHMCS; this draft was written without it', 'Regenerate', {
        duration: 10_000,
      })
      .onAction()
      .subscribe(() => {
        this.regenerate();
      });
  }

  protected selectCitation(index: number): void {
    this.selectedCitation.set(index);
    document.getElementById(`citation-${index}`)?.focus();
  }

  private load(id: string): void {
    this.actionError.set(undefined);
    this.changedElsewhere.set(false);
    this.reason.set('');
    this.guidance.set('');
    this.replyStatus.set(ANSWERED);
    this.draft.load(
      this.api.draft(id).pipe(
        tap((draft) => {
          this.text.set(draft.text ?? '');
          this.loadTicket(draft.ticketId);
        }),
      ),
    );
  }

  /** A change arrived over the stream: keep unsaved edits, but say the draft changed. */
  private refresh(): void {
    const draft = this.draft.value();
    if (draft === undefined) {
      return;
    }
    this.api.draft(draft.id).subscribe({
      next: (fresh) => {
        if (fresh.version !== draft.version) {
          if (this.dirty()) {
            this.draft.set(fresh);
            this.changedElsewhere.set(true);
          } else {
            this.show(fresh);
          }
        } else if (fresh.retryAt !== draft.retryAt) {
          // Only the schedule of a failed draft moved; what the reviewer types stays.
          this.draft.set(fresh);
        }
      },
      error: () => undefined,
    });
    this.loadTicket(draft.ticketId);
  }

  private loadTicket(ticketId: string): void {
    this.ticket.load(this.api.ticket(ticketId));
  }

  private show(draft: DraftView): void {
    this.draft.set(draft);
    this.text.set(draft.text ?? '');
    this.changedElsewhere.set(false);
  }

  private run<T>(kind: Busy, source: Observable<T>, done: (value: T) => void): void {
    this.busy.set(kind);
    this.actionError.set(undefined);
    source.subscribe({
      next: (value) => {
        this.busy.set(undefined);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(undefined);
        this.actionError.set(describeHttpError(error));
        this.refresh();
      },
    });
  }
}
