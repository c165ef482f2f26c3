import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import type { Role } from '@deskpilot/contracts';

import { ACCESS_TOKEN_TTL_SECONDS } from '../sessions/session-lifetimes';
import { JWT_KEY } from './jwt-key';
import type { AccessTokenClaims } from './token-claims';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims';

export interface SignedAccessToken {
  readonly token: string;
  readonly expiresIn: number;
  readonly expiresAt: Date;
}

/** Signs short-lived access tokens (HS256) bound to a session. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(JWT_KEY) key: string) {
    this.jwt = new JwtService({ secret: key });
  }

  async sign(user: { id: string; role: Role }, sessionId: string): Promise<SignedAccessToken> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      sid: sessionId,
      role: user.role,
      typ: 'access',
    };
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = await this.jwt.signAsync(claims, {
      algorithm: TOKEN_ALGORITHM,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
    return {
      token,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      expiresAt: new Date((issuedAt + ACCESS_TOKEN_TTL_SECONDS) * 1000),
    };
  }
}
