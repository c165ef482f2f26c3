import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { DraftFlags } from '@deskpilot/contracts';

import { crossLanguageNote } from './language-names';

/**
 * The sentences of an answer or a draft that the passages they cite do not back, folded under
 * their count, so that whoever uses the text knows what to check; and, when sentences cite
 * passages in another language, how far they could be checked. Shows nothing when every
 * sentence is backed by passages in its own language. The sentences are shown as text, never as
 * HTML.
 */
@Component({
  selector: 'dp-unsupported-sentences',
  template: `
    @if (acrossLanguages(); as note) {
      <p class="across">{{ note }}</p>
    }
    @if (flags()?.unsupportedSentences; as list) {
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
    .across {
      margin: 0 0 4px;
      color: var(--mat-sys-on-surface-variant);
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
  readonly flags = input<Pick<DraftFlags, 'unsupportedSentences' | 'crossLanguage'> | null>();

  protected readonly acrossLanguages = computed(() =>
    crossLanguageNote(this.flags()?.crossLanguage),
  );
}
