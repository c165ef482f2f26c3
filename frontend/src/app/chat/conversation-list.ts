import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';

import type { Conversation } from '@deskpilot/contracts';

/** The signed-in person's conversations, newest activity first, each with rename and delete. */
@Component({
  selector: 'dp-conversation-list',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatMenuModule, RouterLink],
  template: `
    <ul class="list">
      @for (conversation of conversations(); track conversation.id) {
        @let current = conversation.id === selectedId();
        <li class="item" [class.current]="current">
          <a
            class="link"
            [routerLink]="['/chat', conversation.id]"
            [attr.aria-current]="current ? 'page' : null"
          >
            <span class="title">{{ titleOf(conversation) }}</span>
            <time class="when" [attr.datetime]="conversation.updatedAt">{{
              conversation.updatedAt | date: 'MMM d, HH:mm'
            }}</time>
          </a>
          <button
            mat-icon-button
            type="button"
            class="more"
            [matMenuTriggerFor]="actions"
            [matMenuTriggerData]="{ conversation: conversation }"
            [attr.aria-label]="'Actions for ' + titleOf(conversation)"
          >
            <mat-icon aria-hidden="true">more_vert</mat-icon>
          </button>
        </li>
      }
    </ul>

    <mat-menu #actions="matMenu" xPosition="before">
      <ng-template matMenuContent let-conversation="conversation">
        <button mat-menu-item type="button" (click)="rename.emit(conversation)">
          <mat-icon aria-hidden="true">edit</mat-icon>
          <span>Rename…</span>
        </button>
        <button mat-menu-item type="button" (click)="remove.emit(conversation)">
          <mat-icon aria-hidden="true">delete</mat-icon>
          <span>Delete…</span>
        </button>
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      align-items: center;
      border-radius: var(--mat-sys-corner-medium);

      &:hover {
        background: color-mix(in srgb, var(--mat-sys-on-surface) 6%, transparent);
      }
      &.current {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .link {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-width: 0;
      padding: 8px 4px 8px 12px;
      border-radius: var(--mat-sys-corner-medium);
      color: inherit;
      text-decoration: none;
    }
    .title {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font: var(--mat-sys-label-large);
    }
    .when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationList {
  readonly conversations = input.required<readonly Conversation[]>();
  readonly selectedId = input<string>();
  readonly rename = output<Conversation>();
  readonly remove = output<Conversation>();

  protected titleOf(conversation: Conversation): string {
    return conversation.title ?? 'New conversation';
  }
}
