import { Injectable } from '@nestjs/common';

import { AuditAction } from '@deskpilot/contracts';

import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../sessions/sessions.service';
import { toUserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenService } from './access-token.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { SignIn } from './sign-in';

/** Refresh (with rotation and reuse detection) and logout, both driven by the refresh cookie. */
@Injectable()
export class SessionTokensService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async refresh(refreshToken: string | undefined): Promise<SignIn> {
    if (refreshToken === undefined) {
      throw new AuthException(AuthErrorCode.InvalidRefreshToken);
    }
    const result = await this.sessions.rotate(refreshToken);
    switch (result.kind) {
      case 'invalid':
        throw new AuthException(AuthErrorCode.InvalidRefreshToken);
      case 'reused': {
        const user = await this.users.findById(result.userId);
        await this.audit.record({
          action: AuditAction.RefreshTokenReused,
          actor: { id: result.userId, email: user?.email ?? null },
          target: { type: 'session', id: result.sessionId },
          details: { revoked: true },
        });
        throw new AuthException(AuthErrorCode.InvalidRefreshToken);
      }
      case 'rotated': {
        const user = await this.users.findById(result.userId);
        if (user === null) {
          throw new AuthException(AuthErrorCode.InvalidRefreshToken);
        }
        const access = await this.tokens.sign(user, result.sessionId);
        return {
          body: {
            accessToken: access.token,
            tokenType: 'Bearer',
            expiresIn: access.expiresIn,
            expiresAt: access.expiresAt.toISOString(),
            user: toUserView(user),
          },
          refreshToken: result.refreshToken,
          refreshExpiresAt: result.expiresAt,
        };
      }
    }
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken === undefined) {
      return;
    }
    const ended = await this.sessions.revokeByRefreshToken(refreshToken, 'logout');
    if (ended === undefined) {
      return;
    }
    const user = await this.users.findById(ended.userId);
    await this.audit.record({
      action: AuditAction.Logout,
      actor: { id: ended.userId, email: user?.email ?? null },
      target: { type: 'session', id: ended.sessionId },
    });
  }
}
