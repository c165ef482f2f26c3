import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { isPrivateAddress } from '../http/private-network';
import { currentRequestScope } from '../http/request-scope';
import type { AccessPolicy } from './access-policy';
import { ACCESS_POLICY, roleSatisfies } from './access-policy';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { JwtAuthenticator } from './jwt-authenticator';

/**
 * The global guard: every HTTP route must declare its access with `@Public()`,
 * `@PrivateNetworkOnly()`, `@Authenticated()` or `@Roles(...)`; a route without one is refused.
 * Bus handlers (the gateway's `@OnEvent` consumers) are not HTTP and pass through.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: JwtAuthenticator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthenticatedUser }>();
    if (policy === undefined) {
      this.logger.error(
        { route: `${context.getClass().name}.${context.getHandler().name}` },
        'Route declares no access policy; refusing the request',
      );
      throw new AuthException(AuthErrorCode.UndeclaredRoute);
    }
    switch (policy.kind) {
      case 'public':
        return true;
      case 'private-network':
        if (!isPrivateAddress(request.ip)) {
          throw new AuthException(AuthErrorCode.PrivateNetworkOnly);
        }
        return true;
      case 'authenticated':
      case 'roles': {
        const outcome = await this.authenticator.authenticate(
          request,
          http.getResponse<Response>(),
        );
        if ('failure' in outcome) {
          throw new AuthException(outcome.failure);
        }
        request.user = outcome.user;
        const scope = currentRequestScope();
        if (scope !== undefined) {
          scope.actor = { id: outcome.user.id, email: outcome.user.email };
        }
        if (!roleSatisfies(policy, outcome.user.role)) {
          throw new AuthException(AuthErrorCode.RoleRequired);
        }
        return true;
      }
    }
  }
}
