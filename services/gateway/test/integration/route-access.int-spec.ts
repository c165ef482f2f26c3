import type { INestApplication } from '@nestjs/common';
import { Controller, Get } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';

import type { Role } from '@deskpilot/contracts';
import { ROLES } from '@deskpilot/contracts';

import type { RouteDescriptor } from '../../src/auth';
import { Public, RouteInventory, describeAccessPolicy } from '../../src/auth';
import { AuthErrorCode, describeAuthError } from '../../src/auth/auth.exception';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/auth/token-claims';
import { startGatewayWith } from '../support/gateway-with-controllers';
import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway } from '../support/session';

type Caller = 'anonymous' | Role | 'expired' | 'other-key' | 'alg-none' | 'wrong-alg';

const BAD_TOKENS: readonly Caller[] = ['expired', 'other-key', 'alg-none', 'wrong-alg'];
const ROLE_REFUSED = describeAuthError(AuthErrorCode.RoleRequired).message;
const GUARD_401 = new Set(
  [
    AuthErrorCode.MissingToken,
    AuthErrorCode.InvalidToken,
    AuthErrorCode.ExpiredToken,
    AuthErrorCode.SessionEnded,
  ].map((code) => describeAuthError(code).message),
);

/** Routes served by Express itself rather than a Nest controller. */
const NON_NEST_PATHS = [/^\/api\/docs/];

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Access to every route', () => {
  let gateway: TestGateway;
  let sessions: Record<Role, TestSession>;
  let tokens: Record<Caller, string | undefined>;
  let routes: RouteDescriptor[];

  beforeAll(async () => {
    gateway = await startTestGateway();
    sessions = {
      admin: await gateway.signIn(gateway.admin),
      staff: await gateway.signIn('staff'),
    };
    const admin = sessions.admin;
    const claims = {
      sub: admin.user.id,
      sid: (
        JSON.parse(Buffer.from(admin.accessToken.split('.')[1]!, 'base64url').toString()) as {
          sid: string;
        }
      ).sid,
      role: 'admin',
      typ: 'access',
    };
    const now = Math.floor(Date.now() / 1000);
    const sign = (secret: string, algorithm: 'HS256' | 'HS512', payload: object) =>
      new JwtService({ secret }).sign(payload, {
        algorithm,
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
    tokens = {
      anonymous: undefined,
      admin: admin.accessToken,
      staff: sessions.staff.accessToken,
      expired: sign(gateway.jwtSecret, 'HS256', { ...claims, iat: now - 3600, exp: now - 1800 }),
      'other-key': sign('another-key-that-is-long-enough-to-be-real', 'HS256', {
        ...claims,
        exp: now + 600,
      }),
      'alg-none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
        ...claims,
        iss: TOKEN_ISSUER,
        aud: TOKEN_AUDIENCE,
        iat: now,
        exp: now + 600,
      })}.`,
      'wrong-alg': sign(gateway.jwtSecret, 'HS512', { ...claims, exp: now + 600 }),
    };
    routes = gateway.app.get(RouteInventory).routes();
  });

  afterAll(async () => {
    await gateway.stop();
  });

  function call(route: RouteDescriptor, caller: Caller, headers: Record<string, string> = {}) {
    const path = route.path.replace(/:[A-Za-z0-9_]+/g, randomUUID());
    const method = route.method === 'ALL' ? 'GET' : route.method;
    let test = request(gateway.url)[method.toLowerCase() as 'get'](path);
    const token = tokens[caller];
    if (token !== undefined) {
      test = test.set('Authorization', `Bearer ${token}`);
    }
    for (const [name, value] of Object.entries(headers)) {
      test = test.set(name, value);
    }
    return method === 'GET' || method === 'HEAD' ? test : test.send({});
  }

  function refusedByGuard(status: number, body: { message?: unknown }): boolean {
    return (
      (status === 401 && GUARD_401.has(String(body.message))) ||
      (status === 403 && body.message === ROLE_REFUSED)
    );
  }

  it('should find the routes of every controller, including accounts and operations', () => {
    const paths = routes.map((route) => `${route.method} ${route.path}`);

    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/users',
        'GET /api/audit',
        'GET /api/me',
        'GET /api/health',
        'GET /api/health/live',
        'GET /api/health/ready',
        'GET /metrics',
      ]),
    );
  });

  it('should list exactly the routes Express serves', () => {
    const express = gateway.app.getHttpAdapter().getInstance() as unknown as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const served = express.router.stack
      .flatMap((layer) =>
        layer.route === undefined
          ? []
          : Object.keys(layer.route.methods).map(
              (method) => `${method.toUpperCase()} ${layer.route!.path}`,
            ),
      )
      .filter((route) => !NON_NEST_PATHS.some((pattern) => pattern.test(route.split(' ')[1]!)));
    const listed = routes.map((route) => `${route.method} ${route.path}`);

    expect([...new Set(listed)].sort()).toEqual([...new Set(served)].sort());
  });

  it('should have an access declaration on every route', () => {
    const undeclared = routes
      .filter((route) => route.policy === undefined)
      .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);

    expect(undeclared).toEqual([]);
  });

  it('should enforce each route declaration for every kind of caller', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const policy = route.policy!;
      const label = `${route.method} ${route.path} [${describeAccessPolicy(policy)}]`;
      const results = new Map<Caller, { status: number; body: { message?: unknown } }>();
      for (const caller of Object.keys(tokens) as Caller[]) {
        const response = await call(route, caller);
        results.set(caller, { status: response.status, body: response.body as object });
      }
      const anonymous = results.get('anonymous')!;
      switch (policy.kind) {
        case 'public':
        case 'private-network':
          for (const [caller, result] of results) {
            if (result.status !== anonymous.status || refusedByGuard(result.status, result.body)) {
              problems.push(
                `${label}: ${caller} got ${result.status}, anonymous ${anonymous.status}`,
              );
            }
          }
          break;
        case 'authenticated':
        case 'roles':
          for (const caller of ['anonymous', ...BAD_TOKENS] as Caller[]) {
            const result = results.get(caller)!;
            if (result.status !== 401 || !GUARD_401.has(String(result.body.message))) {
              problems.push(`${label}: ${caller} got ${result.status} instead of 401`);
            }
          }
          for (const role of ROLES) {
            const result = results.get(role)!;
            const allowed = policy.kind === 'authenticated' || policy.roles.includes(role);
            if (allowed && refusedByGuard(result.status, result.body)) {
              problems.push(`${label}: ${role} was refused (${result.status})`);
            }
            if (!allowed && !(result.status === 403 && result.body.message === ROLE_REFUSED)) {
              problems.push(`${label}: ${role} got ${result.status} instead of 403`);
            }
          }
          break;
      }
    }

    expect(problems).toEqual([]);
  });

  it('should refuse private-network routes to callers outside it, behind a trusted proxy', async () => {
    const privateRoutes = routes.filter((route) => route.policy?.kind === 'private-network');

    expect(privateRoutes.length).toBeGreaterThan(0);
    for (const route of privateRoutes) {
      const response = await call(route, 'admin', { 'X-Forwarded-For': '203.0.113.9' });

      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: describeAuthError(AuthErrorCode.PrivateNetworkOnly).message,
      });
    }
  });

  it('should keep the bearer token of a signed-out session from working', async () => {
    const staff = await gateway.signIn('staff');
    await staff.agent.get('/api/me').expect(200);

    await staff.agent.post('/api/auth/logout').expect(204);

    const response = await staff.agent.get('/api/me').expect(401);
    expect((response.body as { message: string }).message).toBe(
      describeAuthError(AuthErrorCode.SessionEnded).message,
    );
  });
});

@Controller('forgotten')
class ForgottenController {
  @Get()
  get(): string {
    return 'should never be served';
  }

  @Get('open')
  @Public()
  open(): string {
    return 'open';
  }
}

describe('A route without an access declaration', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ app, stop } = await startGatewayWith([ForgottenController]));
  });

  afterAll(async () => {
    await stop();
  });

  it('should be refused to everyone, while declared routes of the same controller work', async () => {
    await request(app.getHttpServer() as Server)
      .get('/api/forgotten/open')
      .expect(200, 'open');

    const response = await request(app.getHttpServer() as Server)
      .get('/api/forgotten')
      .expect(403);

    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: describeAuthError(AuthErrorCode.UndeclaredRoute).message,
    });
  });

  it('should be listed without a policy by the route inventory', () => {
    const route = app
      .get(RouteInventory)
      .routes()
      .find((candidate) => candidate.path === '/api/forgotten');

    expect(route).toMatchObject({ method: 'GET', policy: undefined });
  });
});
