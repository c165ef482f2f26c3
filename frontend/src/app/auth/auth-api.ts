import { HttpBackend, HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { AccessTokenResponse, LoginRequest } from '@deskpilot/contracts';

/**
 * The sign-in endpoints. They bypass the interceptors (this client talks to the backend
 * directly): they authenticate with the password or the refresh cookie, never the access token,
 * and a failed refresh must not trigger another refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = new HttpClient(inject(HttpBackend));

  login(credentials: LoginRequest): Observable<AccessTokenResponse> {
    return this.http.post<AccessTokenResponse>('/api/auth/login', credentials);
  }

  refresh(): Observable<AccessTokenResponse> {
    return this.http.post<AccessTokenResponse>('/api/auth/refresh', null);
  }

  logout(): Observable<null> {
    return this.http.post<null>('/api/auth/logout', null);
  }
}
