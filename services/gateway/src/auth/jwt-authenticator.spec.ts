import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';

import type { SessionsService } from '../sessions/sessions.service';
import { AuthErrorCode } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { JwtAuthenticator } from './jwt-authenticator';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims';

const KEY = 'k'.repeat(48);
const user: AuthenticatedUser = {
  id: 'u1',
  email: 'a@example.com',
  name: 'A',
  role: 'admin',
  sessionId: 's1',
};
const claims = { sub: 'u1', sid: 's1', role: 'admin', typ: 'access' };

function sign(payload: object, secret = KEY, algorithm: 'HS256' | 'HS384' = 'HS256'): string {
  return new JwtService({ secret }).sign(payload, {
    algorithm,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
  });
}

function requestWith(token: string | undefined): Request {
  return {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  } as unknown as Request;
}

describe(JwtAuthenticator.name, () => {
  let active: AuthenticatedUser | undefined;
  let sut: JwtAuthenticator;

  beforeEach(() => {
    active = user;
    const sessions = {
      resolveActive: jest.fn(() => Promise.resolve(active)),
    } as unknown as SessionsService;
    sut = new JwtAuthenticator(KEY, sessions);
  });

  const check = (token: string | undefined) => sut.authenticate(requestWith(token), {} as Response);

  it('should accept a valid token of a live session', async () => {
    await expect(check(sign({ ...claims, exp: now() + 60 }))).resolves.toEqual({ user });
  });

  it('should report a missing token', async () => {
    await expect(check(undefined)).resolves.toEqual({ failure: AuthErrorCode.MissingToken });
  });

  it('should report an expired token', async () => {
    await expect(check(sign({ ...claims, iat: now() - 100, exp: now() - 10 }))).resolves.toEqual({
      failure: AuthErrorCode.ExpiredToken,
    });
  });

  it.each([
    ['signed with another key', () => sign({ ...claims, exp: now() + 60 }, 'x'.repeat(48))],
    ['signed with another algorithm', () => sign({ ...claims, exp: now() + 60 }, KEY, 'HS384')],
    [
      'unsigned (alg: none)',
      () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
          ...claims,
          iss: TOKEN_ISSUER,
          aud: TOKEN_AUDIENCE,
          exp: now() + 60,
        })}.`,
    ],
    [
      'for another audience',
      () =>
        new JwtService({ secret: KEY }).sign(
          { ...claims, exp: now() + 60 },
          { issuer: TOKEN_ISSUER, audience: 'elsewhere' },
        ),
    ],
    ['not an access token', () => sign({ sub: 'u1', sid: 's1', typ: 'refresh', exp: now() + 60 })],
    ['garbage', () => 'not.a.token'],
  ])('should refuse a token %s', async (_kind, token) => {
    await expect(check(token())).resolves.toEqual({ failure: AuthErrorCode.InvalidToken });
  });

  it('should refuse a valid token whose session has ended', async () => {
    active = undefined;

    await expect(check(sign({ ...claims, exp: now() + 60 }))).resolves.toEqual({
      failure: AuthErrorCode.SessionEnded,
    });
  });
});

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
