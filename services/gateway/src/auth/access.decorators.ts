import { HttpStatus, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

import type { Role } from '@deskpilot/contracts';

import { ApiErrorResponses } from '../http/openapi.decorators';
import type { AccessPolicy } from './access-policy';
import { ACCESS_POLICY } from './access-policy';

type RouteDecorator = MethodDecorator & ClassDecorator;

function declare(policy: AccessPolicy, ...extra: RouteDecorator[]): RouteDecorator {
  return applyDecorators(SetMetadata(ACCESS_POLICY, policy), ...extra);
}

const UNAUTHORIZED = {
  status: HttpStatus.UNAUTHORIZED,
  description: 'No access token, or it is invalid or expired, or its session has ended',
};

/** Anyone may call the route, signed in or not. */
export function Public(): RouteDecorator {
  return declare({ kind: 'public' });
}

/**
 * Only callers on loopback, link-local or private (RFC 1918 / ULA) addresses, as seen after the
 * trusted proxies: for scrapers and probes inside the deployment, never through the ingress.
 */
export function PrivateNetworkOnly(): RouteDecorator {
  return declare(
    { kind: 'private-network' },
    ApiErrorResponses({
      status: HttpStatus.FORBIDDEN,
      description: 'Called from outside the private network',
    }),
  );
}

/** Any signed-in user, whatever the role. */
export function Authenticated(): RouteDecorator {
  return declare({ kind: 'authenticated' }, ApiBearerAuth(), ApiErrorResponses(UNAUTHORIZED));
}

/** Signed-in users with one of these roles; others get 403. */
export function Roles(...roles: [Role, ...Role[]]): RouteDecorator {
  return declare(
    { kind: 'roles', roles },
    ApiBearerAuth(),
    ApiErrorResponses(UNAUTHORIZED, {
      status: HttpStatus.FORBIDDEN,
      description: `Requires the role ${roles.join(' or ')}`,
    }),
  );
}
