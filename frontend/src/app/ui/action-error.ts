import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/** Why an action on the page failed, until the user dismisses it or the next action starts. */
@Component({
  selector: 'dp-action-error',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <mat-icon aria-hidden="true">error_outline</mat-icon>
    <span class="text">{{ message() }}</span>
    <button mat-icon-button type="button" (click)="dismiss.emit()" aria-label="Dismiss">
      <mat-icon aria-hidden="true">close</mat-icon>
    </button>
  `,
  host: { role: 'alert' },
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 12px;
      padding: 8px 8px 8px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .text {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionError {
  readonly message = input.required<string>();
  readonly dismiss = output();
}
