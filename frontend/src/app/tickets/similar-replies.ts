import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

import type { SimilarReplies as SimilarReplyList } from '@deskpilot/contracts';

import { RemoteData } from '../ui/remote-data';
import { TicketsApi } from './tickets-api';

/**
 * Replies the team sent earlier to tickets that asked what this draft answers, so that the
 * reviewer answers alike, and can start from one of them.
 */
@Component({
  selector: 'dp-similar-replies',
  imports: [DatePipe, MatButtonModule],
  template: `
    <h2 class="panel-title">Earlier replies to similar tickets</h2>
    @if (replies.value(); as found) {
      @if (found.items.length === 0) {
        <p class="muted">No reply was sent to a ticket like this one yet.</p>
      } @else {
        <ol class="stack" aria-label="Earlier replies to similar tickets">
          @for (reply of found.items; track reply.id) {
            <li class="reply">
              <div class="entry-meta">
                <span class="entry-author">#{{ reply.ticketNumber }} · {{ reply.subject }}</span>
                <span class="muted">
                  {{ reply.sentAt | date: 'mediumDate' }} · {{ reply.approvedBy.name }}
                </span>
              </div>
              <p class="plain-text text">{{ reply.text }}</p>
              @if (usable()) {
                <button mat-button type="button" (click)="used.emit(reply.text)">
                  Use this text
                </button>
              }
            </li>
          }
        </ol>
      }
    } @else if (replies.error(); as message) {
      <p class="muted">Earlier replies could not be loaded: {{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 24px;
    }
    .reply {
      padding: 10px 14px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .text {
      margin: 4px 0 0;
      max-height: 12em;
      overflow: auto;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SimilarReplies {
  private readonly api = inject(TicketsApi);

  readonly draftId = input.required<string>();
  /** Whether the reviewer may take a reply's text into the editor. */
  readonly usable = input(false);
  /** The text of the earlier reply the reviewer chose to start from. */
  readonly used = output<string>();

  protected readonly replies = new RemoteData<SimilarReplyList>();

  constructor() {
    effect(() => {
      this.replies.load(this.api.similarReplies(this.draftId()));
    });
  }
}
