import { HttpErrorResponse } from '@angular/common/http';
import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';

import { describeHttpError } from '../ui/http-error';
import { Session } from './session';

@Component({
  selector: 'dp-sign-in-page',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
  ],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  /** Where to go after signing in (a path inside the console). */
  readonly returnUrl = input<string>();
  /** Why the person is here: `expired` when their session ended. */
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | undefined>(undefined);
  protected readonly passwordVisible = signal(false);
  protected readonly expired = computed(() => this.reason() === 'expired');
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');

  constructor() {
    afterNextRender(() => {
      this.emailInput().nativeElement.focus();
    });
  }

  protected signIn(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(undefined);
    this.session.signIn(this.form.getRawValue()).subscribe({
      next: () => {
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(signInError(error));
        this.form.controls.password.reset();
      },
    });
  }

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }
}

/** Only paths inside the console; anything else (another site, the sign-in page) goes home. */
function safeReturnUrl(url: string | undefined): string {
  if (url === undefined || !url.startsWith('/') || url.startsWith('//')) {
    return '/';
  }
  return url.startsWith('/sign-in') ? '/' : url;
}

function signInError(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 401) {
    return 'The email address or password is not correct.';
  }
  return describeHttpError(error, 'Signing in failed. Try again.');
}
