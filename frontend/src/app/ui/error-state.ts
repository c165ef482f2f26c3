import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** A failed load: what went wrong and a way to try again. */
@Component({
  selector: 'dp-error-state',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <mat-icon class="icon" aria-hidden="true">error_outline</mat-icon>
    <div class="text">
      <p class="heading">{{ heading() }}</p>
      <p class="message">{{ message() }}</p>
    </div>
    @if (retryable()) {
      <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
    }
  `,
  host: { role: 'alert' },
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 16px;
      padding: 16px;
      margin: 16px 0;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .icon {
      flex: none;
    }
    .text {
      flex: 1;
      min-width: 200px;
    }
    .heading {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .message {
      margin: 2px 0 0;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorState {
  readonly heading = input('This could not be loaded');
  readonly message = input.required<string>();
  readonly retryable = input(true);
  readonly retry = output();
}
