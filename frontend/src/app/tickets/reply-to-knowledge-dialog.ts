import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import type { DocumentUploadResult, SentReplyView } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { TicketsApi } from './tickets-api';

/**
 * An administrator turns a sent reply into a knowledge-base article, first editing out what only
 * concerned that one customer (names, domains, account details).
 */
@Component({
  selector: 'dp-reply-to-knowledge-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Add to the knowledge base</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <p class="lead">
          The reply to ticket #{{ reply.ticketNumber }} becomes an article that answers and drafts
          can cite. Remove what concerned only this customer before saving.
        </p>
        <mat-form-field>
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" maxlength="200" required cdkFocusInitial />
          <mat-error>A title is required.</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Article text (Markdown)</mat-label>
          <textarea matInput formControlName="text" rows="12" required></textarea>
          <mat-error>The article needs text.</mat-error>
        </mat-form-field>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Adding…' : 'Add article' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: min(640px, 80vw);
    }
    .lead {
      margin: 0 0 8px;
    }
    .form-error {
      margin: 0;
      padding: 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReplyToKnowledgeDialog {
  private readonly api = inject(TicketsApi);
  private readonly dialogRef =
    inject<MatDialogRef<ReplyToKnowledgeDialog, DocumentUploadResult>>(MatDialogRef);
  protected readonly reply = inject<SentReplyView>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.reply.subject, [Validators.required, Validators.maxLength(200)]],
    text: [this.reply.text, [Validators.required]],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);

  protected save(): void {
    const { title, text } = this.form.getRawValue();
    if (this.form.invalid || title.trim() === '' || text.trim() === '' || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(undefined);
    this.api.addReplyToKnowledge(this.reply.id, { title, text }).subscribe({
      next: (result) => {
        this.dialogRef.close(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'The article could not be added.'));
      },
    });
  }
}
