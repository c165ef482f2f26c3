import { HttpException, HttpStatus } from '@nestjs/common';

import type { RetryAfter } from '../http/retry-after';

export enum AuthErrorCode {
  MissingToken = 'MISSING_TOKEN',
  InvalidToken = 'INVALID_TOKEN',
  ExpiredToken = 'EXPIRED_TOKEN',
  SessionEnded = 'SESSION_ENDED',
  RoleRequired = 'ROLE_REQUIRED',
  PrivateNetworkOnly = 'PRIVATE_NETWORK_ONLY',
  UndeclaredRoute = 'UNDECLARED_ROUTE',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  AccountLocked = 'ACCOUNT_LOCKED',
  TooManyAttemptsFromAddress = 'TOO_MANY_ATTEMPTS_FROM_ADDRESS',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
}

/** Status and message of each code; messages are what the console shows. */
export function describeAuthError(code: AuthErrorCode): { status: HttpStatus; message: string } {
  switch (code) {
    case AuthErrorCode.MissingToken:
      return { status: HttpStatus.UNAUTHORIZED, message: 'Sign in to use this route' };
    case AuthErrorCode.InvalidToken:
      return { status: HttpStatus.UNAUTHORIZED, message: 'The access token is not valid' };
    case AuthErrorCode.ExpiredToken:
      return { status: HttpStatus.UNAUTHORIZED, message: 'The access token has expired' };
    case AuthErrorCode.SessionEnded:
      return { status: HttpStatus.UNAUTHORIZED, message: 'The session has ended; sign in again' };
    case AuthErrorCode.RoleRequired:
      return { status: HttpStatus.FORBIDDEN, message: 'Your role does not allow this' };
    case AuthErrorCode.PrivateNetworkOnly:
      return { status: HttpStatus.FORBIDDEN, message: 'Only available inside the private network' };
    case AuthErrorCode.UndeclaredRoute:
      return { status: HttpStatus.FORBIDDEN, message: 'This route declares no access policy' };
    case AuthErrorCode.InvalidCredentials:
      return { status: HttpStatus.UNAUTHORIZED, message: 'Invalid email or password' };
    case AuthErrorCode.AccountLocked:
      return {
        status: HttpStatus.TOO_MANY_REQUESTS,
        message:
          'Too many failed sign-in attempts for this account. Try again later or ask an administrator to unlock it',
      };
    case AuthErrorCode.TooManyAttemptsFromAddress:
      return {
        status: HttpStatus.TOO_MANY_REQUESTS,
        message: 'Too many sign-in attempts from your network address. Try again later',
      };
    case AuthErrorCode.InvalidRefreshToken:
      return {
        status: HttpStatus.UNAUTHORIZED,
        message: 'No valid refresh token (signed out, expired or replaced); sign in again',
      };
  }
}

export class AuthException extends HttpException implements Partial<RetryAfter> {
  constructor(
    readonly code: AuthErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    const { status, message } = describeAuthError(code);
    super(message, status);
  }
}
