import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

import type { Citation } from '@deskpilot/contracts';

import { headingTrail } from './answer-labels';

/** The passage an answer cites, with the document it comes from. */
@Component({
  selector: 'dp-passage-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>
      <span class="marker">[{{ citation.index }}]</span> {{ citation.documentTitle }}
    </h2>
    <mat-dialog-content>
      @if (trail) {
        <p class="trail">{{ trail }}</p>
      }
      <blockquote class="passage" aria-label="Cited passage">{{ citation.excerpt }}</blockquote>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .marker {
      color: var(--mat-sys-primary);
    }
    .trail {
      margin: 0 0 12px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .passage {
      margin: 0;
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-primary);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      white-space: pre-wrap;
      font: var(--mat-sys-body-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PassageDialog {
  protected readonly citation = inject<Citation>(MAT_DIALOG_DATA);
  protected readonly trail = headingTrail(this.citation.headingPath);
}
