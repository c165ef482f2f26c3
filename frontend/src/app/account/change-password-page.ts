import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

import { Session } from '../auth/session';
import { describeHttpError } from '../ui/http-error';
import { PageHeader } from '../ui/page-header';
import { passwordPolicy, passwordProblem } from '../ui/password-tools';
import { ROLE_LABELS } from '../users/user-status';
import { AccountApi } from './account-api';

function sameAsNew(control: AbstractControl): ValidationErrors | null {
  const group = control.parent;
  if (group === null) {
    return null;
  }
  return control.value === group.get('newPassword')?.value ? null : { mismatch: true };
}

/** Everyone changes their own password here; their other sessions end. */
@Component({
  selector: 'dp-change-password-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PageHeader,
  ],
  templateUrl: './change-password-page.html',
  styleUrl: './change-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly api = inject(AccountApi);
  private readonly session = inject(Session);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const role = this.session.role();
    return role === null ? '' : ROLE_LABELS[role];
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, passwordPolicy]],
    confirmPassword: ['', [Validators.required, sameAsNew]],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);
  protected readonly done = signal(false);
  protected readonly passwordProblem = passwordProblem;

  constructor() {
    this.form.controls.newPassword.valueChanges.subscribe(() => {
      this.form.controls.confirmPassword.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected change(formDirective: FormGroupDirective): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(undefined);
    this.done.set(false);
    this.api.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.saving.set(false);
        this.done.set(true);
        formDirective.resetForm();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'Your password could not be changed.'));
      },
    });
  }
}
