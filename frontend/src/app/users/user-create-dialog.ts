import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';

import type { Role, User } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { generatePassword, passwordPolicy, passwordProblem } from '../ui/password-tools';
import { UsersApi } from './users-api';

/** A new account: who, which role, and a first password the administrator passes on. */
@Component({
  selector: 'dp-user-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatIconModule,
  ],
  templateUrl: './user-create-dialog.html',
  styleUrl: './user-dialogs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserCreateDialog, User>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    role: ['staff' as Role, Validators.required],
    password: ['', [Validators.required, passwordPolicy]],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);
  protected readonly passwordVisible = signal(false);
  protected readonly passwordProblem = passwordProblem;

  protected generate(): void {
    this.form.controls.password.setValue(generatePassword());
    this.form.controls.password.markAsTouched();
    this.passwordVisible.set(true);
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  protected create(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(undefined);
    this.api.create(this.form.getRawValue()).subscribe({
      next: (user) => {
        this.dialogRef.close(user);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'The user could not be created.'));
      },
    });
  }
}
