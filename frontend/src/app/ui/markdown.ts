import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { citationOf, renderMarkdown } from './markdown-render';

/**
 * Untrusted Markdown (model answers, ticket text) shown as formatted text. Raw HTML in the source
 * stays visible text; Angular's sanitiser still checks the result. Citation markers like `[2]`
 * become focusable buttons that emit their number.
 */
@Component({
  selector: 'dp-markdown',
  template: `<div
    class="markdown"
    [innerHTML]="html()"
    (click)="activate($event)"
    (keydown.enter)="activate($event)"
    (keydown.space)="activate($event)"
  ></div>`,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .markdown > :first-child {
      margin-top: 0;
    }
    .markdown > :last-child {
      margin-bottom: 0;
    }
    .markdown ::ng-deep {
      p,
      ul,
      ol,
      pre,
      blockquote,
      table {
        margin: 0 0 0.75em;
      }
      code {
        font-family: 'Roboto Mono', ui-monospace, monospace;
        font-size: 0.9em;
        padding: 0 0.25em;
        border-radius: 4px;
        background: var(--mat-sys-surface-container-high);
      }
      pre {
        padding: 12px;
        overflow-x: auto;
        border-radius: 8px;
        background: var(--mat-sys-surface-container-high);
      }
      pre code {
        padding: 0;
        background: none;
      }
      blockquote {
        padding-left: 12px;
        border-left: 3px solid var(--mat-sys-outline-variant);
        color: var(--mat-sys-on-surface-variant);
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        padding: 4px 8px;
        border: 1px solid var(--mat-sys-outline-variant);
      }
      a.citation {
        cursor: pointer;
        font-size: 0.8em;
        vertical-align: super;
        line-height: 0;
        padding: 0 1px;
        color: var(--mat-sys-primary);
        text-decoration: none;
      }
      a.citation:hover,
      a.citation:focus-visible {
        text-decoration: underline;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Markdown {
  readonly text = input.required<string>();
  /** The number of the citation marker a person clicked or pressed Enter on. */
  readonly citationSelected = output<number>();

  protected readonly html = computed(() => renderMarkdown(this.text()));

  protected activate(event: Event): void {
    const n = citationOf(event.target instanceof Element ? event.target : null);
    if (n === null) return;
    event.preventDefault();
    this.citationSelected.emit(n);
  }
}
