import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { DraftFlags, SpellingCorrection } from '@deskpilot/contracts';

import { rewriteNote, spellingNote, translationNote } from './spelling-note';

/**
 * Says which words the knowledge base search read as others, and what it looked for instead of a
 * follow-up question (its rewrite) or of a question in another language than the documents (its
 * translation), so that whoever reads the passages, an answer or a draft knows what was searched
 * for. Shows nothing when it searched the question as asked.
 */
@Component({
  selector: 'dp-search-corrections',
  imports: [MatIconModule],
  template: `
    @if (rewritten(); as text) {
      <span class="line">
        <mat-icon class="icon" aria-hidden="true">forum</mat-icon>
        <span>{{ text }}</span>
      </span>
    }
    @if (translated(); as text) {
      <span class="line">
        <mat-icon class="icon" aria-hidden="true">translate</mat-icon>
        <span>{{ text }}</span>
      </span>
    }
    @if (note(); as text) {
      <span class="line">
        <mat-icon class="icon" aria-hidden="true">spellcheck</mat-icon>
        <span>{{ text }}</span>
      </span>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    :host(:empty) {
      display: none;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 6px;
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
  readonly translation = input<DraftFlags['searchTranslation'] | null>();
  readonly rewrite = input<DraftFlags['searchRewrite'] | null>();

  protected readonly rewritten = computed(() => {
    const rewrite = this.rewrite();
    return rewrite === undefined || rewrite === null ? undefined : rewriteNote(rewrite);
  });

  protected readonly translated = computed(() => {
    const translation = this.translation();
    return translation === undefined || translation === null
      ? undefined
      : translationNote(translation);
  });

  protected readonly note = computed(() => {
    const corrections = this.corrections() ?? [];
    return corrections.length === 0 ? undefined : spellingNote(corrections);
  });
}
