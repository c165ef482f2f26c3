import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

import { headingTrail } from './answer-labels';

/** A passage shown in full: one an answer cites (with its number) or one it leaves out. */
export interface ShownPassage {
  readonly index?: number;
  readonly documentTitle: string;
  readonly headingPath: readonly string[];
  readonly text: string;
}

/** A passage with the document it comes from. */
@Component({
  selector: 'dp-passage-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>
      @if (passage.index !== undefined) {
        <span class="marker">[{{ passage.index }}]</span>
      }
      {{ passage.documentTitle }}
    </h2>
    <mat-dialog-content>
      @if (trail) {
        <p class="trail">{{ trail }}</p>
      }
      <blockquote class="passage" [attr.aria-label]="label">{{ passage.text }}</blockquote>
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
  protected readonly passage = inject<ShownPassage>(MAT_DIALOG_DATA);
  protected readonly trail = headingTrail(this.passage.headingPath);
  protected readonly label =
    this.passage.index === undefined ? 'Passage not cited' : 'Cited passage';
}
