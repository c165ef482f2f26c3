import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** What a screen shows when there is nothing to list yet, and what to do about it. */
@Component({
  selector: 'dp-empty-state',
  imports: [MatIconModule],
  template: `
    <mat-icon class="icon" aria-hidden="true">{{ icon() }}</mat-icon>
    <h2 class="heading">{{ heading() }}</h2>
    @if (message(); as text) {
      <p class="message">{{ text }}</p>
    }
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 48px 24px;
      color: var(--mat-sys-on-surface-variant);
    }
    .icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
      color: var(--mat-sys-outline);
    }
    .heading {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    .message {
      margin: 0;
      max-width: 48ch;
      font: var(--mat-sys-body-medium);
    }
    .actions:not(:empty) {
      margin-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly heading = input.required<string>();
  readonly message = input<string>();
}
