import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

import type { User } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { generatePassword, passwordPolicy, passwordProblem } from '../ui/password-tools';
import { UsersApi } from './users-api';

/** An administrator sets a new password for someone; all of their sessions end. */
@Component({
  selector: 'dp-reset-password-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
  ],
  template: `
    <h2 mat-dialog-title>Reset password</h2>
    <form [formGroup]="form" (ngSubmit)="reset()" novalidate>
      <mat-dialog-content class="fields">
        <p class="lead">
          Set a new password for <strong>{{ user.name }}</strong> ({{ user.email }}). They are
          signed out everywhere and sign in again with it.
        </p>
        <mat-form-field>
          <mat-label>New password</mat-label>
          <input
            matInput
            [type]="visible() ? 'text' : 'password'"
            formControlName="password"
            autocomplete="new-password"
            required
            cdkFocusInitial
          />
          <button
            mat-icon-button
            matSuffix
            type="button"
            (click)="visible.set(!visible())"
            [attr.aria-label]="visible() ? 'Hide password' : 'Show password'"
            [attr.aria-pressed]="visible()"
          >
            <mat-icon aria-hidden="true">{{
              visible() ? 'visibility_off' : 'visibility'
            }}</mat-icon>
          </button>
          <mat-hint>At least 12 characters.</mat-hint>
          <mat-error>{{ passwordProblem(form.controls.password) }}</mat-error>
        </mat-form-field>
        <div>
          <button mat-button type="button" (click)="generate()">
            <mat-icon aria-hidden="true">casino</mat-icon>
            Generate a strong password
          </button>
        </div>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Set password' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialog, User>>(MatDialogRef);
  protected readonly user = inject<User>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, passwordPolicy]],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);
  protected readonly visible = signal(false);
  protected readonly passwordProblem = passwordProblem;

  protected generate(): void {
    this.form.controls.password.setValue(generatePassword());
    this.visible.set(true);
  }

  protected reset(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(undefined);
    this.api.resetPassword(this.user.id, this.form.getRawValue().password).subscribe({
      next: (user) => {
        this.dialogRef.close(user);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'The password could not be changed.'));
      },
    });
  }
}
