import type { AccessTokenResponse } from '@deskpilot/contracts';

/** What a sign-in or refresh produces: the JSON body and the refresh token for the cookie. */
export interface SignIn {
  readonly body: AccessTokenResponse;
  readonly refreshToken: string;
  readonly refreshExpiresAt: Date;
}
