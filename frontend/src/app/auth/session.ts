import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Observable } from 'rxjs';
import { defer, finalize, firstValueFrom, from, map, shareReplay, tap } from 'rxjs';

import type { AccessTokenResponse, LoginRequest, Role, User } from '@deskpilot/contracts';

import { AuthApi } from './auth-api';
import { withRefreshLock } from './refresh-lock';

/** Refresh this long before the access token expires, so requests never carry a stale one. */
const REFRESH_AHEAD_MS = 60_000;

export type SessionEndReason = 'signed-out' | 'expired';

/**
 * The signed-in user and their access token, kept in memory only. The refresh token is an
 * httpOnly cookie the page cannot read: after a reload the session is restored from it.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  private readonly currentUser = signal<User | null>(null);
  private token: string | undefined;
  private expiresAt = 0;
  private refreshing: Observable<string> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  readonly role = computed<Role | null>(() => this.currentUser()?.role ?? null);

  /** At start-up: a valid refresh cookie means the person is still signed in. */
  async restore(): Promise<void> {
    try {
      await firstValueFrom(this.refresh());
    } catch {
      this.clear();
    }
  }

  signIn(credentials: LoginRequest): Observable<User> {
    return this.api.login(credentials).pipe(
      tap((response) => {
        this.apply(response);
      }),
      map((response) => response.user),
    );
  }

  signOut(): Observable<null> {
    return this.api.logout().pipe(
      finalize(() => {
        this.end('signed-out');
      }),
    );
  }

  /** The access token to send, or undefined when it is missing or about to expire. */
  freshToken(): string | undefined {
    return this.token !== undefined && Date.now() < this.expiresAt - REFRESH_AHEAD_MS / 2
      ? this.token
      : undefined;
  }

  /**
   * A new access token from the refresh cookie. Callers that arrive while a refresh runs share
   * it, so a burst of requests causes one refresh.
   */
  refresh(): Observable<string> {
    this.refreshing ??= defer(() =>
      from(withRefreshLock(() => firstValueFrom(this.api.refresh()))),
    ).pipe(
      tap((response) => {
        this.apply(response);
      }),
      map((response) => response.accessToken),
      finalize(() => {
        this.refreshing = undefined;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** Another screen changed the signed-in user's own record (for example their name). */
  updateUser(user: User): void {
    if (user.id === this.currentUser()?.id) {
      this.currentUser.set(user);
    }
  }

  /**
   * Ends the session in this tab and goes to the sign-in page; after signing in again the
   * person comes back to the page they were on.
   */
  end(reason: SessionEndReason): void {
    const returnUrl = this.router.url;
    this.clear();
    const queryParams: Record<string, string> = {};
    if (reason === 'expired') {
      queryParams['reason'] = 'expired';
    }
    if (reason === 'expired' && !returnUrl.startsWith('/sign-in')) {
      queryParams['returnUrl'] = returnUrl;
    }
    void this.router.navigate(['/sign-in'], { queryParams });
  }

  private apply(response: AccessTokenResponse): void {
    this.token = response.accessToken;
    this.expiresAt = Date.now() + response.expiresIn * 1000;
    this.currentUser.set(response.user);
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.refresh().subscribe({
          error: (error: unknown) => {
            // Only a refused cookie ends the session; a network blip is retried by the next call.
            if (isSessionRefused(error)) {
              this.end('expired');
            }
          },
        });
      },
      Math.max(response.expiresIn * 1000 - REFRESH_AHEAD_MS, 5_000),
    );
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.token = undefined;
    this.expiresAt = 0;
    this.currentUser.set(null);
  }
}

/** The gateway refused the refresh cookie: the session has ended (expired, revoked, signed out). */
export function isSessionRefused(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
