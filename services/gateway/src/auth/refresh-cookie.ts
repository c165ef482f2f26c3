import { parse } from 'cookie';
import type { Request, Response } from 'express';

import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from '@deskpilot/contracts';

/**
 * The refresh token lives in an httpOnly cookie (scripts cannot read it), SameSite=Strict (no
 * cross-site request carries it) and scoped to /api/auth (no other route receives it). It is
 * marked Secure whenever the request came over HTTPS (directly or through a trusted proxy).
 */
export function setRefreshCookie(
  request: Request,
  response: Response,
  token: string,
  expiresAt: Date,
): void {
  response.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: request.secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    secure: request.secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  });
}

export function readRefreshCookie(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) {
    return undefined;
  }
  const value = parse(header)[REFRESH_COOKIE];
  return value === undefined || value.length === 0 || value.length > 256 ? undefined : value;
}
