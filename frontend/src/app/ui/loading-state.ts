import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/** A calm placeholder while a screen's data loads; announced to screen readers. */
@Component({
  selector: 'dp-loading-state',
  imports: [MatProgressSpinnerModule],
  template: `
    <mat-spinner diameter="32" aria-hidden="true" />
    <p class="label">{{ label() }}</p>
  `,
  host: { role: 'status', 'aria-live': 'polite' },
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 12px;
      padding: 48px 24px;
      color: var(--mat-sys-on-surface-variant);
    }
    .label {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingState {
  readonly label = input('Loading…');
}
