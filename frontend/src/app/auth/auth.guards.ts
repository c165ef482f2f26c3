import { inject } from '@angular/core';
import type { CanActivateFn, CanMatchFn, UrlSegment } from '@angular/router';
import { Router } from '@angular/router';

import type { Role } from '@deskpilot/contracts';

import { Session } from './session';

/** Pages behind sign-in: a signed-out visitor goes to sign in and comes back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(Session).signedIn()) {
    return true;
  }
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is for signed-out visitors only. */
export const signedOutGuard: CanActivateFn = () =>
  inject(Session).signedIn() ? inject(Router).createUrlTree(['/']) : true;

/**
 * Routes for some roles only, checked before the feature's code is even loaded: anyone else is
 * shown the "no access" page, which names the address they tried.
 */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return (_route, segments: UrlSegment[]) => {
    const session = inject(Session);
    const router = inject(Router);
    const role = session.role();
    const url = `/${segments.map((segment) => segment.path).join('/')}`;
    if (role === null) {
      return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: url } });
    }
    if (roles.includes(role)) {
      return true;
    }
    return router.createUrlTree(['/forbidden'], { queryParams: { from: url } });
  };
}
