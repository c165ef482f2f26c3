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
  host: { role: 'alert', class: 'banner banner-error' },
  styles: `
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
