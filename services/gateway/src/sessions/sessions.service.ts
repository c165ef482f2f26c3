import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { RefreshTokenEntity } from './entities/refresh-token.entity';
import { hashRefreshToken, newRefreshToken } from './refresh-token';
import type { RevocationReason } from './session-lifetimes';
import { REFRESH_TOKEN_TTL_MS, SESSION_MAX_AGE_MS } from './session-lifetimes';
import { SessionsRepository } from './sessions.repository';

export interface ClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface IssuedRefreshToken {
  readonly userId: string;
  readonly sessionId: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

export type RotationResult =
  | ({ readonly kind: 'rotated' } & IssuedRefreshToken)
  | { readonly kind: 'reused'; readonly userId: string; readonly sessionId: string }
  | { readonly kind: 'invalid' };

/**
 * Sign-in sessions and their refresh tokens. Each refresh replaces the token (rotation); a token
 * presented a second time means it was copied, so the whole session is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly sessions: SessionsRepository) {}

  async open(userId: string, client: ClientInfo): Promise<IssuedRefreshToken> {
    const now = new Date();
    const sessionId = randomUUID();
    const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_MS);
    return this.sessions.transaction(async (manager) => {
      await this.sessions.insertSession(
        {
          id: sessionId,
          userId,
          createdAt: now,
          lastUsedAt: now,
          expiresAt,
          revokedAt: null,
          revokedReason: null,
          ip: client.ip,
          userAgent: client.userAgent,
        },
        manager,
      );
      return this.issueToken(userId, sessionId, expiresAt, manager);
    });
  }

  rotate(refreshToken: string): Promise<RotationResult> {
    const tokenHash = hashRefreshToken(refreshToken);
    return this.sessions.transaction(async (manager): Promise<RotationResult> => {
      const token = await this.sessions.findTokenForUpdate(tokenHash, manager);
      const session =
        token === null ? null : await this.sessions.findSession(token.sessionId, manager);
      if (token === null || session === null || session.revokedAt !== null) {
        return { kind: 'invalid' };
      }
      if (token.rotatedAt !== null) {
        await this.sessions.revokeSession(session.id, 'token_reuse', manager);
        return { kind: 'reused', userId: session.userId, sessionId: session.id };
      }
      const now = Date.now();
      if (token.expiresAt.getTime() <= now || session.expiresAt.getTime() <= now) {
        return { kind: 'invalid' };
      }
      const owner = await this.sessions.findOwner(session.userId, manager);
      if (owner === null || owner.disabled) {
        await this.sessions.revokeSession(session.id, 'user_disabled', manager);
        return { kind: 'invalid' };
      }
      if (!(await this.sessions.markRotated(token.id, manager))) {
        return { kind: 'invalid' };
      }
      await this.sessions.touchSession(session.id, manager);
      const issued = await this.issueToken(session.userId, session.id, session.expiresAt, manager);
      return { kind: 'rotated', ...issued };
    });
  }

  /** Ends the session the refresh token belongs to (logout); undefined if there is none. */
  async revokeByRefreshToken(
    refreshToken: string,
    reason: RevocationReason,
  ): Promise<{ userId: string; sessionId: string } | undefined> {
    const token = await this.sessions.findTokenByHash(hashRefreshToken(refreshToken));
    const session = token === null ? null : await this.sessions.findSession(token.sessionId);
    if (session === null || session.revokedAt !== null) {
      return undefined;
    }
    await this.sessions.revokeSession(session.id, reason);
    return { userId: session.userId, sessionId: session.id };
  }

  revokeAllForUser(
    userId: string,
    reason: RevocationReason,
    options: { except?: string; manager?: EntityManager } = {},
  ): Promise<number> {
    return this.sessions.revokeUserSessions(userId, reason, options.except, options.manager);
  }

  /** The caller behind an access token, if its session is live and its account enabled. */
  async resolveActive(sessionId: string, userId: string): Promise<AuthenticatedUser | undefined> {
    const owner = await this.sessions.findActiveSessionOwner(sessionId, userId);
    return owner === undefined
      ? undefined
      : { id: owner.id, email: owner.email, name: owner.name, role: owner.role, sessionId };
  }

  private async issueToken(
    userId: string,
    sessionId: string,
    sessionExpiresAt: Date,
    manager: EntityManager,
  ): Promise<IssuedRefreshToken> {
    const refreshToken = newRefreshToken();
    const now = new Date();
    const expiresAt = new Date(
      Math.min(now.getTime() + REFRESH_TOKEN_TTL_MS, sessionExpiresAt.getTime()),
    );
    const row: RefreshTokenEntity = {
      id: randomUUID(),
      sessionId,
      tokenHash: hashRefreshToken(refreshToken),
      createdAt: now,
      expiresAt,
      rotatedAt: null,
    };
    await this.sessions.insertToken(row, manager);
    return { userId, sessionId, refreshToken, expiresAt };
  }
}
