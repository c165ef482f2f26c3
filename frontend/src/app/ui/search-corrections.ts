import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { SpellingCorrection } from '@deskpilot/contracts';

import { spellingNote } from './spelling-note';

/**
 * Says which words the knowledge base search read as others, so that whoever reads the passages,
 * an answer or a draft knows what was searched for. Shows nothing without corrections.
 */
@Component({
  selector: 'dp-search-corrections',
  imports: [MatIconModule],
  template: `
    @if (note(); as text) {
      <mat-icon class="icon" aria-hidden="true">spellcheck</mat-icon>
      <span>{{ text }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    :host(:empty) {
      display: none;
    }
    .icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
  `,
  host: { role: 'status' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchCorrections {
  readonly corrections = input<readonly SpellingCorrection[] | null | undefined>();

  protected readonly note = computed(() => {
    const corrections = this.corrections() ?? [];
    return corrections.length === 0 ? undefined : spellingNote(corrections);
  });
}
