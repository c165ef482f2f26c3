import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import type { Conversation } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { ChatApi } from './chat-api';

/** Gives a conversation a name its owner recognises in the list. */
@Component({
  selector: 'dp-rename-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Rename conversation</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="field">
          <mat-label>Name</mat-label>
          <input matInput formControlName="title" maxlength="200" required cdkFocusInitial />
          <mat-error>Give the conversation a name.</mat-error>
        </mat-form-field>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Rename' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
      margin-top: 4px;
    }
    .form-error {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RenameDialog {
  private readonly api = inject(ChatApi);
  private readonly dialogRef = inject<MatDialogRef<RenameDialog, Conversation>>(MatDialogRef);
  private readonly conversation = inject<Conversation>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.conversation.title ?? '', [Validators.required, Validators.pattern(/\S/)]],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(undefined);
    this.api.rename(this.conversation.id, this.form.getRawValue().title.trim()).subscribe({
      next: (renamed) => {
        this.dialogRef.close(renamed);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'The conversation could not be renamed.'));
      },
    });
  }
}
