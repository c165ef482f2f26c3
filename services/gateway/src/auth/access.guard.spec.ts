import type { ExecutionContext } from '@nestjs/common';
import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import pino from 'pino';

import { Authenticated, PrivateNetworkOnly, Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import type { AuthenticationOutcome, JwtAuthenticator } from './jwt-authenticator';

@Controller('sample')
@Roles('admin')
class SampleController {
  @Get('admin')
  adminOnly(): void {}

  @Get('open')
  @Public()
  open(): void {}

  @Get('any')
  @Authenticated()
  any(): void {}

  @Get('metrics')
  @PrivateNetworkOnly()
  metrics(): void {}
}

class UndeclaredController {
  route(): void {}
}

const staff: AuthenticatedUser = {
  id: 'u1',
  email: 'staff@example.com',
  name: 'Staff',
  role: 'staff',
  sessionId: 's1',
};

function contextFor(
  controller: new () => object,
  handler: string,
  request: Record<string, unknown> = {},
  type = 'http',
): ExecutionContext {
  const prototype = controller.prototype as Record<string, () => void>;
  return {
    getType: () => type,
    getClass: () => controller,
    getHandler: () => prototype[handler],
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

describe(AccessGuard.name, () => {
  let outcome: AuthenticationOutcome;
  let sut: AccessGuard;

  beforeEach(() => {
    outcome = { user: staff };
    const authenticator = {
      authenticate: jest.fn(() => Promise.resolve(outcome)),
    } as unknown as JwtAuthenticator;
    sut = new AccessGuard(new Reflector(), authenticator, pino({ level: 'silent' }));
  });

  async function refusal(context: ExecutionContext): Promise<AuthErrorCode | undefined> {
    try {
      await sut.canActivate(context);
      return undefined;
    } catch (error) {
      return (error as AuthException).code;
    }
  }

  it('should refuse a route that declares nothing', async () => {
    await expect(refusal(contextFor(UndeclaredController, 'route'))).resolves.toBe(
      AuthErrorCode.UndeclaredRoute,
    );
  });

  it('should let bus handlers through: they are not HTTP routes', async () => {
    await expect(
      sut.canActivate(contextFor(UndeclaredController, 'route', {}, 'rpc')),
    ).resolves.toBe(true);
  });

  it('should let anyone call a public route without authenticating', async () => {
    outcome = { failure: AuthErrorCode.MissingToken };

    await expect(sut.canActivate(contextFor(SampleController, 'open'))).resolves.toBe(true);
  });

  it('should apply the controller default and refuse a role that is not listed', async () => {
    await expect(refusal(contextFor(SampleController, 'adminOnly'))).resolves.toBe(
      AuthErrorCode.RoleRequired,
    );
  });

  it('should attach the caller to the request on success', async () => {
    const request: { user?: AuthenticatedUser } = {};

    await expect(sut.canActivate(contextFor(SampleController, 'any', request))).resolves.toBe(true);

    expect(request.user).toBe(staff);
  });

  it('should pass on why authentication failed', async () => {
    outcome = { failure: AuthErrorCode.ExpiredToken };

    await expect(refusal(contextFor(SampleController, 'any'))).resolves.toBe(
      AuthErrorCode.ExpiredToken,
    );
  });

  it('should allow private-network routes only from private addresses', async () => {
    await expect(
      sut.canActivate(contextFor(SampleController, 'metrics', { ip: '10.0.0.7' })),
    ).resolves.toBe(true);
    await expect(refusal(contextFor(SampleController, 'metrics', { ip: '8.8.8.8' }))).resolves.toBe(
      AuthErrorCode.PrivateNetworkOnly,
    );
  });
});
