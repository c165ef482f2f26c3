import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The title row of every screen: a heading, an optional line under it, and actions. */
@Component({
  selector: 'dp-page-header',
  template: `
    <div class="titles">
      <h1 class="title" tabindex="-1">{{ heading() }}</h1>
      @if (subtitle(); as text) {
        <p class="subtitle">{{ text }}</p>
      }
    </div>
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 12px 24px;
      margin-bottom: 24px;
    }
    .title {
      margin: 0;
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
    .title:focus {
      outline: none;
    }
    .subtitle {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly subtitle = input<string>();
}
