import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The sentences of an answer or a draft that the passages they cite do not back, folded under
 * their count, so that whoever uses the text knows what to check. Shows nothing when every
 * sentence is backed. The sentences are shown as text, never as HTML.
 */
@Component({
  selector: 'dp-unsupported-sentences',
  template: `
    @if (sentences(); as list) {
      @if (list.length > 0) {
        <details>
          <summary>Sentences without support ({{ list.length }})</summary>
          <ul>
            @for (sentence of list; track $index) {
              <li>{{ sentence }}</li>
            }
          </ul>
        </details>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-medium);
    }
    :host(:empty) {
      display: none;
    }
    summary {
      cursor: pointer;
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    li {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnsupportedSentences {
  readonly sentences = input<readonly string[] | null | undefined>();
}
