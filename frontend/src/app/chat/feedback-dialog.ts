import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import type { MessageFeedback } from '@deskpilot/contracts';

/** An optional comment on a rated answer: what was wrong or what helped. */
@Component({
  selector: 'dp-feedback-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ feedback.rating === 'up' ? 'What helped?' : 'What was wrong?' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="field">
          <mat-label>Comment (optional)</mat-label>
          <textarea
            matInput
            formControlName="comment"
            rows="4"
            maxlength="4000"
            cdkFocusInitial
          ></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">Save comment</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
      min-width: min(420px, 70vw);
      margin-top: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackDialog {
  private readonly dialogRef = inject<MatDialogRef<FeedbackDialog, string>>(MatDialogRef);
  protected readonly feedback = inject<MessageFeedback>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: [this.feedback.comment ?? '', Validators.maxLength(4000)],
  });

  protected save(): void {
    this.dialogRef.close(this.form.getRawValue().comment.trim());
  }
}
