import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Observable } from 'rxjs';

import { MAX_ARTICLE_CHARACTERS } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { Markdown } from '../ui/markdown';

/** What the article dialog starts from and does with the article. */
export interface ArticleDialogData<R> {
  readonly heading: string;
  /** A sentence under the heading: where the text comes from, what to take out. */
  readonly lead?: string;
  readonly title: string;
  readonly text: string;
  /** Questions the article should answer, listed above the editor. */
  readonly questions?: readonly string[];
  readonly saveLabel: string;
  readonly save: (title: string, text: string) => Observable<R>;
}

/**
 * An article's title and Markdown text, written or edited in the console, with a preview as
 * chat will show its passages. The dialog closes with what `save` answered.
 */
@Component({
  selector: 'dp-article-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    Markdown,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.heading }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        @if (data.lead) {
          <p class="lead">{{ data.lead }}</p>
        }
        @if (data.questions?.length) {
          <section class="questions" aria-label="Questions the article should answer">
            <p class="muted">Questions the article should answer:</p>
            <ul>
              @for (question of data.questions; track $index) {
                <li>{{ question }}</li>
              }
            </ul>
          </section>
        }
        <mat-form-field>
          <mat-label>Title</mat-label>
          <input matInput formControlName="title" maxlength="200" required cdkFocusInitial />
          <mat-error>A title is required.</mat-error>
        </mat-form-field>
        <mat-button-toggle-group
          class="mode"
          [value]="previewing() ? 'preview' : 'write'"
          (change)="previewing.set($event.value === 'preview')"
          aria-label="Write or preview the article"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="write">Write</mat-button-toggle>
          <mat-button-toggle value="preview">Preview</mat-button-toggle>
        </mat-button-toggle-group>
        @if (previewing()) {
          <div class="preview" aria-label="Preview of the article">
            <h3 class="preview-title">{{ form.controls.title.value }}</h3>
            <dp-markdown [text]="form.controls.text.value" />
          </div>
        } @else {
          <mat-form-field>
            <mat-label>Article text (Markdown)</mat-label>
            <textarea
              matInput
              formControlName="text"
              rows="14"
              required
              [attr.maxlength]="maxCharacters"
            ></textarea>
            <mat-hint>Headings (##) split the article into the passages answers cite.</mat-hint>
            <mat-error>The article needs text.</mat-error>
          </mat-form-field>
        }
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : data.saveLabel }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
      min-width: min(720px, 80vw);
    }
    .lead {
      margin: 0 0 8px;
    }
    .questions {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-body-small);

      p {
        margin: 0 0 4px;
      }
      ul {
        margin: 0;
        padding-left: 20px;
        overflow-wrap: anywhere;
      }
    }
    .mode {
      align-self: flex-start;
    }
    .preview {
      min-height: 16em;
      max-height: 50vh;
      overflow: auto;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    .preview-title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
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
export class ArticleDialog<R> {
  private readonly dialogRef = inject<MatDialogRef<ArticleDialog<R>, R>>(MatDialogRef);
  protected readonly data = inject<ArticleDialogData<R>>(MAT_DIALOG_DATA);
  protected readonly maxCharacters = MAX_ARTICLE_CHARACTERS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.data.title, [Validators.required, Validators.maxLength(200)]],
    text: [this.data.text, [Validators.required, Validators.maxLength(MAX_ARTICLE_CHARACTERS)]],
  });
  protected readonly previewing = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);

  protected save(): void {
    const { title, text } = this.form.getRawValue();
    if (this.form.invalid || title.trim() === '' || text.trim() === '' || this.saving()) {
      this.form.markAllAsTouched();
      this.previewing.set(false);
      return;
    }
    this.saving.set(true);
    this.error.set(undefined);
    this.data.save(title, text).subscribe({
      next: (result) => {
        this.dialogRef.close(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'The article could not be saved.'));
      },
    });
  }
}
