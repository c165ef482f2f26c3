import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';

import type { AuthenticatedUser } from './authenticated-user';

/** The signed-in caller; only on routes declared `@Authenticated()` or `@Roles(...)`. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>().user;
    if (user === undefined) {
      throw new Error('@CurrentUser() used on a route that does not authenticate its caller');
    }
    return user;
  },
);
