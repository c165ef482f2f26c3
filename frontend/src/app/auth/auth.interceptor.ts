import type { HttpEvent, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { catchError, switchMap, throwError } from 'rxjs';

import { Session, isSessionRefused } from './session';

/**
 * Sends the access token with every API call and keeps the session alive: a token about to
 * expire is refreshed first, and a call refused with 401 is refreshed and sent once more, so a
 * form submitted after a long pause goes through. Calls made during a refresh wait for it. When
 * the session cannot be refreshed, the person is sent to sign in and brought back afterwards.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  if (!request.url.startsWith('/api/') || !session.signedIn()) {
    return next(request);
  }
  const send = (token: string): Observable<HttpEvent<unknown>> => next(withToken(request, token));
  const refreshThenSend = (): Observable<HttpEvent<unknown>> =>
    session.refresh().pipe(
      catchError((error: unknown) => {
        if (isSessionRefused(error)) {
          session.end('expired');
        }
        return throwError(() => error);
      }),
      switchMap(send),
    );

  const token = session.freshToken();
  if (token === undefined) {
    return refreshThenSend();
  }
  return send(token).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      // Another call refreshed while this one was out: its token is already the new one.
      const current = session.freshToken();
      return current !== undefined && current !== token ? send(current) : refreshThenSend();
    }),
  );
};

function withToken(request: HttpRequest<unknown>, token: string): HttpRequest<unknown> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}
