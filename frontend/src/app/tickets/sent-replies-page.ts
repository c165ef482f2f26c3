import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Subject, debounceTime, distinctUntilChanged } from 'rxjs';

import type { SentReplyPage, SentReplyView } from '@deskpilot/contracts';

import { Session } from '../auth/session';
import { ArticleEditor } from '../knowledge/article-editor';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { PagePaginator } from '../ui/page-paginator';
import { RemoteData } from '../ui/remote-data';
import { replyStatusText } from './draft-labels';
import { TicketsApi } from './tickets-api';

const PAGE_SIZE = 20;

/** Replies posted to WHMCS, newest first: what was sent, who approved it, how much was edited. */
@Component({
  selector: 'dp-sent-replies-page',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    PagePaginator,
    PageHeader,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './sent-replies-page.html',
  styleUrl: './sent-replies-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SentRepliesPage {
  private readonly api = inject(TicketsApi);
  private readonly router = inject(Router);
  private readonly articles = inject(ArticleEditor);
  private readonly session = inject(Session);

  readonly page = input<string>();
  /** Words of the reply or its ticket's subject, or a ticket number (kept in the address). */
  readonly search = input<string>();

  protected readonly isAdmin = computed(() => this.session.role() === 'admin');
  protected readonly replyStatusText = replyStatusText;

  protected readonly replies = new RemoteData<SentReplyPage>();
  private readonly searches = new Subject<string>();

  constructor() {
    effect(() => {
      const page = pageNumber(this.page());
      const search = this.search()?.trim() ?? '';
      untracked(() => {
        this.load(page, search);
      });
    });
    const typed = this.searches
      .pipe(debounceTime(250), distinctUntilChanged())
      .subscribe((text) => {
        const search = text.trim();
        void this.router.navigate([], {
          queryParams: { search: search === '' ? null : search, page: null },
          queryParamsHandling: 'merge',
        });
      });
    inject(DestroyRef).onDestroy(() => {
      typed.unsubscribe();
    });
  }

  protected reload(): void {
    this.load(pageNumber(this.page()), this.search()?.trim() ?? '');
  }

  protected onSearch(value: string): void {
    this.searches.next(value);
  }

  protected addToKnowledge(reply: SentReplyView): void {
    this.articles
      .write({
        heading: 'Add to the knowledge base',
        lead:
          `The reply to ticket #${reply.ticketNumber} becomes an article that answers and ` +
          'drafts can cite. Remove what concerned only this customer before saving.',
        title: reply.subject,
        text: reply.text,
        save: (title, text) => this.api.addReplyToKnowledge(reply.id, { title, text }),
      })
      .subscribe();
  }

  protected changePage(page: number): void {
    void this.router.navigate([], {
      queryParams: { page: page === 1 ? null : String(page) },
      queryParamsHandling: 'merge',
    });
  }

  private load(page: number, search: string): void {
    this.replies.load(
      this.api.replies({ page, pageSize: PAGE_SIZE, ...(search === '' ? {} : { search }) }),
    );
  }
}

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
