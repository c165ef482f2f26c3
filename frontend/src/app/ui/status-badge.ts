import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

/** A short coloured label for a state (Ready, Disabled, Locked…); never colour alone. */
@Component({
  selector: 'dp-status-badge',
  template: `{{ label() }}`,
  host: { '[class]': '"tone-" + tone()' },
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    :host(.tone-success) {
      background: #d7f5dd;
      color: #0f4d1b;
    }
    :host(.tone-warning) {
      background: var(--dp-warning-container);
      color: var(--dp-on-warning-container);
    }
    :host(.tone-danger) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.tone-info) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.tone-neutral) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusBadge {
  readonly label = input.required<string>();
  readonly tone = input<BadgeTone>('neutral');
}
