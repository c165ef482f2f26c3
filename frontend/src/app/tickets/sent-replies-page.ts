import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { PageEvent } from '@angular/material/paginator';
import { MatPaginatorModule } from '@angular/material/paginator';
import { Router, RouterLink } from '@angular/router';

import type { SentReplyPage } from '@deskpilot/contracts';

import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { RemoteData } from '../ui/remote-data';
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
    MatIconModule,
    MatPaginatorModule,
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

  readonly page = input<string>();

  protected readonly replies = new RemoteData<SentReplyPage>();

  constructor() {
    effect(() => {
      const page = pageNumber(this.page());
      untracked(() => {
        this.replies.load(this.api.replies({ page, pageSize: PAGE_SIZE }));
      });
    });
  }

  protected reload(): void {
    this.replies.load(this.api.replies({ page: pageNumber(this.page()), pageSize: PAGE_SIZE }));
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], {
      queryParams: { page: event.pageIndex === 0 ? null : String(event.pageIndex + 1) },
    });
  }
}

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
