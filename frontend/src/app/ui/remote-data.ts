import { DestroyRef, inject, signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';

import { describeHttpError } from './http-error';

/**
 * The state of one thing loaded over HTTP: its last value, whether a load is running, and the
 * error of the last load. A new load cancels the one in flight. Create it in a field initialiser.
 */
export class RemoteData<T> {
  private readonly current = signal<T | undefined>(undefined);
  private readonly busy = signal(false);
  private readonly failure = signal<string | undefined>(undefined);
  private subscription: Subscription | undefined;

  readonly value = this.current.asReadonly();
  readonly loading = this.busy.asReadonly();
  readonly error = this.failure.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  load(source: Observable<T>): void {
    this.subscription?.unsubscribe();
    this.busy.set(true);
    this.failure.set(undefined);
    this.subscription = source.subscribe({
      next: (value) => {
        this.current.set(value);
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.failure.set(describeHttpError(error));
        this.busy.set(false);
      },
    });
  }

  /** Replaces the value without a request (after a change the server already confirmed). */
  set(value: T): void {
    this.current.set(value);
  }
}
