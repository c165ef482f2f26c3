import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticator } from 'passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { SessionsService } from '../sessions/sessions.service';
import { AuthErrorCode } from './auth.exception';
import type { AuthenticatedUser } from './authenticated-user';
import { JWT_KEY } from './jwt-key';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, isAccessTokenClaims } from './token-claims';

export type AuthenticationOutcome =
  { readonly user: AuthenticatedUser } | { readonly failure: AuthErrorCode };

const SESSION_ENDED = 'session-ended';

/**
 * Checks the bearer token with passport-jwt: HS256 with our key only (so `alg: none` and other
 * keys fail), issuer, audience and expiry, then the session and the account on every request,
 * so a revoked session or a disabled user stops working at once.
 *
 * A passport instance of its own, not the global one: every gateway in the process (tests start
 * several) keeps its own key and sessions.
 */
@Injectable()
export class JwtAuthenticator {
  private readonly passport = new Authenticator();

  constructor(@Inject(JWT_KEY) key: string, sessions: SessionsService) {
    this.passport.use(
      'jwt',
      new Strategy(
        {
          jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
          secretOrKey: key,
          algorithms: [TOKEN_ALGORITHM],
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          ignoreExpiration: false,
        },
        (payload: unknown, done: (error: unknown, user?: unknown, info?: unknown) => void) => {
          if (!isAccessTokenClaims(payload)) {
            done(null, false, new Error('not an access token'));
            return;
          }
          sessions.resolveActive(payload.sid, payload.sub).then(
            (user) => {
              done(null, user ?? false, user === undefined ? SESSION_ENDED : undefined);
            },
            (error: unknown) => {
              done(error);
            },
          );
        },
      ),
    );
  }

  authenticate(request: Request, response: Response): Promise<AuthenticationOutcome> {
    return new Promise((resolve, reject) => {
      const middleware = this.passport.authenticate(
        'jwt',
        { session: false },
        (error: unknown, user: AuthenticatedUser | false, info: unknown) => {
          if (error !== null && error !== undefined) {
            reject(
              error instanceof Error ? error : new Error('Authentication failed', { cause: error }),
            );
          } else if (user === false) {
            resolve({ failure: failureOf(info) });
          } else {
            resolve({ user });
          }
        },
      ) as (req: Request, res: Response, next: (error?: unknown) => void) => void;
      middleware(request, response, (error?: unknown) => {
        reject(
          error instanceof Error ? error : new Error('Authentication failed', { cause: error }),
        );
      });
    });
  }
}

function failureOf(info: unknown): AuthErrorCode {
  if (info === SESSION_ENDED) {
    return AuthErrorCode.SessionEnded;
  }
  if (info instanceof Error) {
    if (info.name === 'TokenExpiredError') {
      return AuthErrorCode.ExpiredToken;
    }
    if (info.message === 'No auth token') {
      return AuthErrorCode.MissingToken;
    }
  }
  return AuthErrorCode.InvalidToken;
}
